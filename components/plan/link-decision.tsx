"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

/**
 * Confirm or reject one suggested source — or, for a suspect one, re-confirm
 * or remove it. The server checks the role; this only offers the buttons.
 */
export function LinkDecision({
  planId,
  linkId,
  label,
  isSuspect = false,
}: {
  planId: string;
  linkId: string;
  label: string;
  isSuspect?: boolean;
}) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [isSaving, startSaving] = useTransition();

  const second = isSuspect
    ? { decision: "remove" as const, label: "Remove", doing: "Removing…", done: "Removed" }
    : { decision: "reject" as const, label: "Reject", doing: "Rejecting…", done: "Rejected" };

  function decide(decision: "confirm" | "reject" | "remove") {
    setStatus(decision === "confirm" ? "Confirming…" : second.doing);
    startSaving(async () => {
      const { error } = await apiFetch(`/api/plans/${planId}/links/${linkId}`, { method: "POST", body: { decision } });
      if (error) return setStatus(error);
      setStatus(decision === "confirm" ? "Confirmed" : second.done);
      router.refresh();
    });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={isSaving}
        onClick={() => decide("confirm")}
        className="rounded bg-emerald-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
      >
        {isSuspect ? "Re-confirm" : "Confirm"}
        <span className="sr-only"> {label}</span>
      </button>
      <button
        type="button"
        disabled={isSaving}
        onClick={() => decide(second.decision)}
        className="rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {second.label}
        <span className="sr-only"> {label}</span>
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </span>
    </span>
  );
}
