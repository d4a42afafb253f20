"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

/**
 * Takes back a confirmed source, after a question (a mis-click on Confirm
 * should not be final, and neither should this). The server rejects the link,
 * remembers it so it is not suggested again, and tells the coverage board.
 */
export function NotASourceButton({ planId, linkId, label }: { planId: string; linkId: string; label: string }) {
  const router = useRouter();
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function reject() {
    setBusy(true);
    const { error } = await apiFetch(`/api/plans/${planId}/links/${linkId}`, {
      method: "POST",
      body: { decision: "reject" },
    });
    setBusy(false);
    if (error) return setStatus(error);
    setAsking(false);
    setStatus("Removed: no longer a source of this passage.");
    router.refresh();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs">
      {isAsking ? (
        <ConfirmDialog
          title={`${label} is not a source of this passage?`}
          description="It leaves the passage's sources and the coverage board, and it will not be suggested for this passage again."
          confirmLabel="Not a source"
          busyLabel="Removing…"
          isBusy={isBusy}
          onConfirm={reject}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button variant="secondary" size="compact" onClick={() => setAsking(true)}>
          Not a source…<span className="sr-only"> {label}</span>
        </Button>
      )}
      <span role="status" aria-live="polite" className="text-slate-600">
        {status}
      </span>
    </span>
  );
}
