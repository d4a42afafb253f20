"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

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
      <Button variant="success-solid" disabled={isSaving} onClick={() => decide("confirm")}>
        {isSuspect ? "Re-confirm" : "Confirm"}
        <span className="sr-only"> {label}</span>
      </Button>
      <Button variant="secondary" disabled={isSaving} onClick={() => decide(second.decision)}>
        {second.label}
        <span className="sr-only"> {label}</span>
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </span>
    </span>
  );
}
