"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/admin/json-request";

/** "Remove…" for a dialogue imported by mistake (admins), with a confirmation step. */
export function RemoveDialogueButton({ dialogueId, title }: { dialogueId: string; title: string }) {
  const router = useRouter();
  const [isAsking, setAsking] = useState(false);
  const [status, setStatus] = useState("");

  async function remove() {
    setStatus("Removing…");
    const { error } = await sendJson(`/api/dialogues/${encodeURIComponent(dialogueId)}`, "DELETE", null);
    setStatus(error ?? "");
    if (error) return;
    setAsking(false);
    router.refresh();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      {isAsking ? (
        <span role="alertdialog" aria-label={`Remove ${title}?`} className="inline-flex flex-wrap items-center gap-2" onKeyDown={(e) => e.key === "Escape" && setAsking(false)}>
          <span>Remove this dialogue and all its statements? This cannot be undone.</span>
          <button type="button" autoFocus onClick={remove} className="rounded bg-red-700 px-3 py-1 font-medium text-white">Remove</button>
          <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-400 px-3 py-1">Cancel</button>
        </span>
      ) : (
        <button type="button" onClick={() => setAsking(true)} className="rounded border border-red-300 px-3 py-1 text-red-900 hover:bg-red-50">
          Remove…<span className="sr-only"> {title}</span>
        </button>
      )}
      <span role="status" aria-live="polite" className="text-red-700">{status}</span>
    </span>
  );
}
