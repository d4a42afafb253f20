"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

/** "Reset plan to skeleton", with a confirmation step: the admin must type RESET. */
export function ResetPlanButton({ planId }: { planId: string }) {
  const router = useRouter();
  const [isAsking, setAsking] = useState(false);
  const [typed, setTyped] = useState("");
  const [status, setStatus] = useState("");

  async function reset() {
    setStatus("Resetting…");
    const { error } = await apiFetch(`/api/plans/${planId}/reset`, { method: "POST", body: { confirm: typed } });
    if (error) return setStatus(error);
    setStatus("The plan is back to the skeleton.");
    setAsking(false);
    router.refresh();
  }

  return (
    <div className="rounded border border-red-200 bg-red-50 p-3 text-sm">
      {isAsking ? (
        <ConfirmDialog
          title="Reset the plan to the skeleton?"
          confirmLabel="Reset plan"
          onConfirm={reset}
          onCancel={() => setAsking(false)}
          canConfirm={typed === "RESET"}
          description="Every section, every confirmed or rejected source and every exclusion will be replaced by the seeded skeleton. This cannot be undone."
        >
          <label htmlFor="reset-confirm" className="block">
            Type RESET to confirm
          </label>
          <input
            id="reset-confirm"
            autoFocus
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            className="rounded border border-red-400 px-2 py-1"
          />
        </ConfirmDialog>
      ) : (
        <Button variant="danger" size="md" onClick={() => setAsking(true)}>
          Reset plan to skeleton…
        </Button>
      )}
      <p role="status" aria-live="polite" className="mt-1 text-xs">
        {status}
      </p>
    </div>
  );
}
