"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

/** "Create version": a facilitator names the draft as it stands ("Rev.1"). */
export function CreateVersionForm({ planId }: { planId: string }) {
  const router = useRouter();
  const [label, setLabel] = useState("");
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus("Creating the version…");
    const { data, error } = await apiFetch(`/api/plans/${planId}/versions`, { method: "POST", body: { label } });
    setBusy(false);
    if (error) return setStatus(error);
    const version = data as { number: number; label: string };
    setStatus(`Created version ${version.number}: ${version.label}.`);
    setLabel("");
    router.refresh();
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Create a version"
      className="flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3 text-sm"
    >
      <label className="flex flex-col">
        Label
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          maxLength={80}
          placeholder="e.g. Rev.1"
          autoComplete="off"
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <Button variant="primary-compact" size="md" type="submit" disabled={isBusy || !label.trim()}>
        Create version
      </Button>
      <p
        role="status"
        aria-live="polite"
        className="basis-full text-xs text-slate-700"
        data-testid="create-version-status"
      >
        {status}
      </p>
    </form>
  );
}
