"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

/** A template as the seed control offers it; the first is the default. */
export type TemplateChoice = { key: string; name: string; description: string };

/**
 * Seeds a draft plan from the dialogue's lists with the chosen template (or finds the one that template already
 * gave), then opens its seeding report: where every list item went, and what fell back. The templates come from the
 * server page (listTemplateChoices): the template files are checked by zod, which the browser's CSP would not allow.
 */
export function SeedPlanButton({
  dialogueId,
  templates,
  label = "Seed a draft plan",
}: {
  dialogueId: string;
  templates: TemplateChoice[];
  label?: string;
}) {
  const router = useRouter();
  const selectId = useId();
  const [template, setTemplate] = useState(templates[0].key);
  const [status, setStatus] = useState<{ isSeeding: boolean; error?: string }>({ isSeeding: false });
  const chosen = templates.find((t) => t.key === template);

  async function seed() {
    setStatus({ isSeeding: true });
    const { data, error } = await apiFetch(`/api/dialogues/${encodeURIComponent(dialogueId)}/plan`, {
      method: "POST",
      body: { template },
    });
    if (error) return setStatus({ isSeeding: false, error });
    router.push(`/plans/${(data as { planId: string }).planId}/seeding`);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="text-sm text-slate-700">
        Template
      </label>
      <select
        id={selectId}
        value={template}
        onChange={(event) => setTemplate(event.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        aria-describedby={`${selectId}-about`}
        disabled={status.isSeeding}
      >
        {templates.map((t) => (
          <option key={t.key} value={t.key}>
            {t.name}
          </option>
        ))}
      </select>
      <Button variant="outline" size="md" className="text-sm" onClick={seed} disabled={status.isSeeding}>
        {status.isSeeding ? "Seeding the draft plan…" : label}
      </Button>
      <span id={`${selectId}-about`} className="basis-full text-xs text-slate-700">
        {chosen?.description}
      </span>
      <span role="status" aria-live="polite" className="text-sm text-red-700">
        {status.error ?? ""}
      </span>
    </span>
  );
}
