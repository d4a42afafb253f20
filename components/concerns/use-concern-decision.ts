"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

export type ConcernDecision = "address" | "note" | "reopen";

/**
 * Sends a facilitator's decision on a concern, says how it went in `status`,
 * and on success calls `onDone` and re-renders the register from the server.
 */
export function useConcernDecision({
  planId,
  concernId,
  onDone,
}: {
  planId: string;
  concernId: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [isSaving, startSaving] = useTransition();

  function send(decision: ConcernDecision, body: object, done: string) {
    setStatus("Saving…");
    startSaving(async () => {
      const { error } = await apiFetch(`/api/plans/${planId}/concerns/${concernId}/${decision}`, {
        method: "POST",
        body,
      });
      if (error) return setStatus(error);
      setStatus(done);
      onDone();
      router.refresh();
    });
  }

  return { status, isSaving, send };
}
