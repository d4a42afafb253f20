"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

/** Seeds the dialogue's draft plan from its "should" list (or finds the one it has) and opens it. */
export function SeedPlanButton({ dialogueId, label = "Seed a draft plan" }: { dialogueId: string; label?: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ isSeeding: boolean; error?: string }>({ isSeeding: false });

  async function seed() {
    setStatus({ isSeeding: true });
    const { data, error } = await apiFetch(`/api/dialogues/${encodeURIComponent(dialogueId)}/plan`, {
      method: "POST",
      body: {},
    });
    if (error) return setStatus({ isSeeding: false, error });
    router.push(`/plans/${(data as { planId: string }).planId}`);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={seed}
        disabled={status.isSeeding}
        className="rounded border border-un px-3 py-1 text-sm text-un-dark hover:bg-slate-50 disabled:opacity-70"
      >
        {status.isSeeding ? "Seeding the draft plan…" : label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-red-700">
        {status.error ?? ""}
      </span>
    </span>
  );
}
