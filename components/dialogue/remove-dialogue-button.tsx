"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";

/** "Remove…" for a dialogue imported by mistake (admins), with a confirmation step. */
export function RemoveDialogueButton({ dialogueId, title }: { dialogueId: string; title: string }) {
  const router = useRouter();
  const [isAsking, setAsking] = useState(false);
  const [status, setStatus] = useState("");

  async function remove() {
    setStatus("Removing…");
    const { error } = await apiFetch(`/api/dialogues/${encodeURIComponent(dialogueId)}`, { method: "DELETE" });
    setStatus(error ?? "");
    if (error) return;
    setAsking(false);
    router.refresh();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      {isAsking ? (
        <ConfirmDialog
          title={`Remove ${title}?`}
          description="The dialogue and all its statements are removed. This cannot be undone."
          confirmLabel="Remove"
          onConfirm={remove}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button variant="danger" size="md" onClick={() => setAsking(true)}>
          Remove…<span className="sr-only"> {title}</span>
        </Button>
      )}
      <span role="status" aria-live="polite" className="text-red-700">
        {status}
      </span>
    </span>
  );
}
