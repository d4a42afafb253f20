"use client";

/**
 * A facilitator's decisions on one concern: address it with a passage picked
 * from the plan, note it with a reason, or reopen it. Native selects and
 * forms, so it all works from the keyboard. The server checks every decision.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

export type PassageChoice = { key: string; title: string; passages: { blockId: string; text: string }[] };

type Props = {
  planId: string;
  concern: { id: string; number: number; status: "raised" | "addressed" | "noted" };
  sections: PassageChoice[];
};

const clip = (text: string, length = 90) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function ConcernActions({ planId, concern, sections }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<"none" | "address" | "note">("none");
  const [sectionKey, setSectionKey] = useState(sections.find((s) => s.passages.length)?.key ?? "");
  const [blockId, setBlockId] = useState("");
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState("");
  const [isSaving, startSaving] = useTransition();
  const passages = sections.find((s) => s.key === sectionKey)?.passages ?? [];
  const id = `concern-${concern.number}`;

  function send(action: "address" | "note" | "reopen", body: object, done: string) {
    setStatus("Saving…");
    startSaving(async () => {
      const { error } = await apiFetch(`/api/plans/${planId}/concerns/${concern.id}/${action}`, {
        method: "POST",
        body,
      });
      if (error) return setStatus(error);
      setStatus(done);
      setMode("none");
      router.refresh();
    });
  }

  if (mode === "address") {
    return (
      <form
        aria-label={`Address concern ${concern.number}`}
        className="flex flex-col gap-1 text-xs"
        onKeyDown={(e) => e.key === "Escape" && setMode("none")}
        onSubmit={(e) => {
          e.preventDefault();
          send("address", { sectionKey, blockId }, "Addressed");
        }}
      >
        <label htmlFor={`${id}-section`}>Section</label>
        {/* Focus moves into the form that replaced the button, so keyboard users land where they act. */}
        <select
          id={`${id}-section`}
          autoFocus
          value={sectionKey}
          onChange={(e) => {
            setSectionKey(e.target.value);
            setBlockId("");
          }}
          className="max-w-64 rounded border border-slate-400 px-1 py-0.5"
        >
          {sections.map((s) => (
            <option key={s.key} value={s.key} disabled={!s.passages.length}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-passage`}>Passage that answers it</label>
        <select
          id={`${id}-passage`}
          required
          value={blockId}
          onChange={(e) => setBlockId(e.target.value)}
          className="max-w-64 rounded border border-slate-400 px-1 py-0.5"
        >
          <option value="">Choose a passage…</option>
          {passages.map((p) => (
            <option key={p.blockId} value={p.blockId}>
              {clip(p.text)}
            </option>
          ))}
        </select>
        <span className="flex gap-2">
          <Button variant="success-solid" size="compact" type="submit" disabled={isSaving || !blockId}>
            Save answer
          </Button>
          <Button variant="link" onClick={() => setMode("none")}>
            Cancel
          </Button>
        </span>
        <span role="status" className="text-slate-700">
          {status}
        </span>
      </form>
    );
  }
  if (mode === "note") {
    return (
      <form
        aria-label={`Note concern ${concern.number}`}
        className="flex flex-col gap-1 text-xs"
        onKeyDown={(e) => e.key === "Escape" && setMode("none")}
        onSubmit={(e) => {
          e.preventDefault();
          send("note", { reason }, "Noted");
        }}
      >
        <label htmlFor={`${id}-reason`}>Why is it not answered by a passage?</label>
        <textarea
          id={`${id}-reason`}
          autoFocus
          required
          minLength={3}
          maxLength={2000}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="max-w-64 rounded border border-slate-400 px-1 py-0.5"
        />
        <span className="flex gap-2">
          <Button variant="neutral" size="compact" type="submit" disabled={isSaving}>
            Save note
          </Button>
          <Button variant="link" onClick={() => setMode("none")}>
            Cancel
          </Button>
        </span>
        <span role="status" className="text-slate-700">
          {status}
        </span>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs">
      <Button variant="success" size="compact" onClick={() => setMode("address")}>
        {concern.status === "addressed" ? "Change passage" : "Address"}
        <span className="sr-only"> concern {concern.number}</span>
      </Button>
      <Button variant="secondary" size="compact" onClick={() => setMode("note")}>
        Note<span className="sr-only"> concern {concern.number}</span>
      </Button>
      {concern.status !== "raised" && (
        <Button variant="danger" size="compact" disabled={isSaving} onClick={() => send("reopen", {}, "Reopened")}>
          Reopen<span className="sr-only"> concern {concern.number}</span>
        </Button>
      )}
      <span role="status" className="text-slate-700">
        {status}
      </span>
    </div>
  );
}
