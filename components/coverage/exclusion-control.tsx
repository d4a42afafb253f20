"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

type Target = { targetType: "summary-item" | "speaker" | "delegation"; targetId: string };

/** Exclude a point with a reason, or include it again. Facilitators only; the server checks. */
export function ExclusionControl({
  planId,
  target,
  label,
  isExcluded,
}: {
  planId: string;
  target: Target;
  label: string;
  isExcluded: boolean;
}) {
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState("");
  const [isSaving, startSaving] = useTransition();

  function send(method: "POST" | "DELETE", body: object) {
    setStatus("Saving…");
    startSaving(async () => {
      const { error } = await apiFetch(`/api/plans/${planId}/exclusions`, { method, body });
      if (error) return setStatus(error);
      setStatus("Saved");
      setOpen(false);
      router.refresh();
    });
  }

  if (isExcluded) {
    return (
      <span className="inline-flex items-center gap-2">
        <Button variant="secondary" disabled={isSaving} onClick={() => send("DELETE", target)}>
          Include again<span className="sr-only"> {label}</span>
        </Button>
        <span role="status" className="text-xs text-slate-600">
          {status}
        </span>
      </span>
    );
  }
  return isOpen ? (
    <form
      className="mt-1 flex flex-wrap items-center gap-2"
      onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
      onSubmit={(e) => {
        e.preventDefault();
        send("POST", { ...target, reason });
      }}
    >
      <label className="sr-only" htmlFor={`reason-${target.targetId}`}>
        Why is {label} left out?
      </label>
      {/* Focus moves into the form that replaced the button, so keyboard users land where they act. */}
      <input
        id={`reason-${target.targetId}`}
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        minLength={3}
        placeholder="Why is this left out?"
        className="min-w-64 rounded border border-slate-400 px-2 py-0.5 text-sm"
      />
      <Button variant="neutral" type="submit" disabled={isSaving}>
        Exclude
      </Button>
      <Button
        variant="link"
        className="text-xs"
        onClick={() => setOpen(false)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
      >
        Cancel
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {status}
      </span>
    </form>
  ) : (
    <Button variant="secondary" onClick={() => setOpen(true)}>
      Exclude…<span className="sr-only"> {label}</span>
    </Button>
  );
}
