"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** Confirm or reject one suggested source; the server checks the role, this only offers the buttons. */
export function LinkDecision({ planId, linkId, label }: { planId: string; linkId: string; label: string }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [isSaving, startSaving] = useTransition();

  function decide(decision: "confirm" | "reject") {
    setStatus(decision === "confirm" ? "Confirming…" : "Rejecting…");
    startSaving(async () => {
      const response = await fetch(`/api/plans/${planId}/links/${linkId}`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ decision }),
      }).catch(() => null);
      if (!response?.ok) {
        const data = (await response?.json().catch(() => ({}))) as { message?: string } | undefined;
        setStatus(data?.message ?? "Could not reach the server. Try again.");
        return;
      }
      setStatus(decision === "confirm" ? "Confirmed" : "Rejected");
      router.refresh();
    });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={isSaving} onClick={() => decide("confirm")}
        className="rounded bg-emerald-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-emerald-800 disabled:opacity-60">
        Confirm<span className="sr-only"> {label}</span>
      </button>
      <button type="button" disabled={isSaving} onClick={() => decide("reject")}
        className="rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60">
        Reject<span className="sr-only"> {label}</span>
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">{status}</span>
    </span>
  );
}
