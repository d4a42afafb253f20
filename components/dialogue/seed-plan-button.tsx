"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

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
      <Button variant="outline" size="md" className="text-sm" onClick={seed} disabled={status.isSeeding}>
        {status.isSeeding ? "Seeding the draft plan…" : label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-red-700">
        {status.error ?? ""}
      </span>
    </span>
  );
}
