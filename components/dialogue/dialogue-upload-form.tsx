"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { SeedPlanButton } from "./seed-plan-button";
import type { TemplateChoice } from "./seed-plan-button";
import { Button } from "@/components/ui/button";
import type { RosterReport } from "@/lib/dialogue/build-delegation-rows";
import { describeRosterReport } from "@/lib/dialogue/describe-roster-report";

type Imported = {
  dialogueId: string;
  title: string;
  status: "created" | "updated" | "unchanged";
  counts: { segments: number; statements: number; sentences: number; summaryItems: number; delegations: number };
  roster: RosterReport;
};
type Status =
  | { kind: "idle" }
  | { kind: "importing"; fileName: string }
  | { kind: "error"; message: string }
  | { kind: "imported"; result: Imported };

const OUTCOME = { created: "Imported", updated: "Updated", unchanged: "Already imported, unchanged:" } as const;

/** Uploads a summary to POST /api/dialogues, says what was imported, and offers its draft plan. */
export function DialogueUploadForm({ templates }: { templates: TemplateChoice[] }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0)
      return setStatus({ kind: "error", message: "Choose a Markdown file first." });
    setStatus({ kind: "importing", fileName: file.name });
    const { data, error } = await apiFetch<Imported>(`/api/dialogues?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      raw: { body: file, contentType: "text/markdown; charset=utf-8" },
    });
    if (!data) return setStatus({ kind: "error", message: error ?? "The server sent no answer. Try again." });
    setStatus({ kind: "imported", result: data });
    router.refresh();
  }

  const isBusy = status.kind === "importing";
  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="dialogue-file" className="block text-sm font-medium">
            Dialogue summary (.md)
          </label>
          <input
            id="dialogue-file"
            name="file"
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            required
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1 file:text-sm file:font-medium hover:file:bg-slate-100"
          />
        </div>
        <Button variant="primary" size="lg" type="submit" disabled={isBusy}>
          {status.kind === "importing" ? "Importing…" : "Import"}
        </Button>
      </form>
      <div role="status" aria-live="polite" data-testid="import-status" className="text-sm">
        {status.kind === "importing" && <p>Reading and importing {status.fileName}…</p>}
        {status.kind === "error" && (
          <p role="alert" className="whitespace-pre-wrap font-mono text-red-700">
            {status.message}
          </p>
        )}
        {status.kind === "imported" && <ImportedSummary result={status.result} templates={templates} />}
      </div>
    </div>
  );
}

function ImportedSummary({ result, templates }: { result: Imported; templates: TemplateChoice[] }) {
  const { counts } = result;
  return (
    <div className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4">
      <p>
        {OUTCOME[result.status]} <strong>{result.title}</strong>: {counts.segments} sessions, {counts.statements}{" "}
        statements, {counts.sentences} sentences, {counts.summaryItems} list items, {counts.delegations} delegations.
      </p>
      {describeRosterReport(result.roster).map((line) => (
        <p key={line} data-testid="import-roster">
          {line}
        </p>
      ))}
      <p className="flex flex-wrap items-center gap-4">
        <Link href={`/dialogues/${result.dialogueId}`} className="text-un-dark underline">
          Open the reader
        </Link>
        <SeedPlanButton dialogueId={result.dialogueId} templates={templates} label="Seed its draft plan" />
      </p>
    </div>
  );
}
