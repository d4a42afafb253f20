"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/http/api-fetch";
import { DeadlineFields } from "./deadline-fields";
import type { DeadlineValues } from "./deadline-fields";
import { fromDeadlineInput } from "./deadline-input";

type Issued = {
  version: { label: string };
  round: { number: number };
  carriedOver: { valid: number; moved: number; stale: number };
  notified: number;
};

/** "Issue Rev.N": after a confirmation that says what it does, with optional deadlines for the round it opens. */
export function IssueRevisionButton({ planId, nextLabel }: { planId: string; nextLabel: string }) {
  const router = useRouter();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [deadlines, setDeadlines] = useState<DeadlineValues>({ commentDeadline: "", amendmentDeadline: "" });

  async function issue() {
    setBusy(true);
    setStatus(`Issuing ${nextLabel}…`);
    const body = Object.fromEntries(
      Object.entries(deadlines).flatMap(([field, value]) => (value ? [[field, fromDeadlineInput(value)]] : [])),
    );
    const { data, error } = await apiFetch<Issued>(`/api/plans/${planId}/rounds`, { method: "POST", body });
    setBusy(false);
    if (error || !data) return setStatus(error ?? "The revision could not be issued.");
    const { valid, stale } = data.carriedOver;
    setStatus(
      `Issued ${data.version.label}: round ${data.round.number} is open. ${valid} pending amendment${valid === 1 ? "" : "s"} carried over, ${stale} now stale; ${data.notified} people notified.`,
    );
    setConfirming(false);
    setDeadlines({ commentDeadline: "", amendmentDeadline: "" });
    router.refresh();
  }

  return (
    <div className="space-y-2 text-sm">
      {isConfirming ? (
        <ConfirmDialog
          tone="primary"
          title={`Issue ${nextLabel}?`}
          description={`The text as it stands becomes ${nextLabel} and a new round opens on it. Pending amendments are carried over; those whose words changed become stale. Every delegation is notified.`}
          confirmLabel={`Issue ${nextLabel}`}
          busyLabel={`Issuing ${nextLabel}…`}
          isBusy={isBusy}
          onConfirm={issue}
          onCancel={() => setConfirming(false)}
        >
          <DeadlineFields values={deadlines} onChange={setDeadlines} />
        </ConfirmDialog>
      ) : (
        <Button variant="primary" size="md" onClick={() => setConfirming(true)}>
          Issue {nextLabel}
        </Button>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-700" data-testid="issue-revision-status">
        {status}
      </p>
    </div>
  );
}
