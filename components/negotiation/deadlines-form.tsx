"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-fetch";
import { DeadlineFields } from "./deadline-fields";
import type { DeadlineValues } from "./deadline-fields";
import { fromDeadlineInput, toDeadlineInput } from "./deadline-input";

/** A facilitator sets, extends or removes (by emptying the field) the current round's deadlines. */
export function DeadlinesForm({
  planId,
  commentDeadline,
  amendmentDeadline,
}: {
  planId: string;
  commentDeadline: string | null;
  amendmentDeadline: string | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState<DeadlineValues>({
    commentDeadline: toDeadlineInput(commentDeadline),
    amendmentDeadline: toDeadlineInput(amendmentDeadline),
  });
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus("Saving the deadlines…");
    // Only what changed is sent: an unchanged deadline already past must not be refused as "in the past".
    const body = Object.fromEntries(
      (["commentDeadline", "amendmentDeadline"] as const).flatMap((field) =>
        values[field] !== toDeadlineInput(field === "commentDeadline" ? commentDeadline : amendmentDeadline)
          ? [[field, fromDeadlineInput(values[field])]]
          : [],
      ),
    );
    if (!Object.keys(body).length) {
      setBusy(false);
      return setStatus("Nothing changed.");
    }
    const { error } = await apiFetch(`/api/plans/${planId}/rounds/current`, { method: "PATCH", body });
    setBusy(false);
    if (error) return setStatus(error);
    setStatus("Deadlines saved.");
    router.refresh();
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Deadlines of this round"
      className="space-y-2 rounded border border-slate-300 bg-white p-3"
    >
      <DeadlineFields values={values} onChange={setValues} />
      <p className="text-xs text-slate-700">
        Empty a field to remove that deadline. Facilitators are not bound by them.
      </p>
      <Button variant="primary-compact" size="md" type="submit" disabled={isBusy}>
        Save deadlines
      </Button>
      <p role="status" aria-live="polite" className="text-xs text-slate-700" data-testid="deadlines-status">
        {status}
      </p>
    </form>
  );
}
