"use client";

/** A new thread on the text selected in a section: its stance, who sees it (if the viewer may choose), and the comment. */
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { SelectionForm } from "./selection-form";
import type { SelectedQuote } from "./selection-quote";
import type { Viewer } from "./threads-panel";
import type { ThreadView } from "./use-threads";
import { THREAD_VISIBILITIES } from "@/lib/comments/thread-values";
import { RoundDeadlineNotice } from "@/components/negotiation/round-deadline-notice";

/** The stances as a choice, a plain comment first (the default); typed by the stances, so none can be missing. */
const STANCE_CHOICE: Record<ThreadView["stance"], string> = {
  neutral: "comment",
  support: "support",
  oppose: "oppose",
  question: "question",
};
const VISIBILITY_LABEL: Record<ThreadView["visibility"], string> = {
  everyone: "everyone",
  facilitators: "facilitators only",
};

export function NewThreadForm({
  planId,
  sectionKey,
  viewer,
  selection,
  onPosted,
  onCancel,
}: {
  planId: string;
  sectionKey: string;
  viewer: Viewer;
  selection: SelectedQuote;
  onPosted: () => void;
  onCancel: () => void;
}) {
  const [body, setBody] = useState("");
  const [stance, setStance] = useState<ThreadView["stance"]>("neutral");
  const [visibility, setVisibility] = useState<ThreadView["visibility"]>("everyone");
  const [status, setStatus] = useState("");
  const canChooseVisibility = viewer.abilities.openFacilitatorsOnly;
  async function submit() {
    setStatus("Posting…");
    const { error } = await apiFetch(`/api/plans/${planId}/threads`, {
      method: "POST",
      body: {
        sectionKey,
        blockId: selection.blockId,
        quote: { exact: selection.exact, prefix: selection.prefix, suffix: selection.suffix },
        stance,
        visibility,
        body,
      },
    });
    if (error) return setStatus(error);
    onPosted();
  }
  return (
    <SelectionForm
      label="New comment on the selected text"
      quoteLead="On"
      selection={selection}
      tone="comment"
      submitLabel="Comment"
      status={status}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <RoundDeadlineNotice planId={planId} kind="comment" />
      <div className="flex flex-wrap gap-2 text-xs">
        <label>
          Stance{" "}
          <select
            value={stance}
            onChange={(e) => setStance(e.target.value as ThreadView["stance"])}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            {(Object.keys(STANCE_CHOICE) as ThreadView["stance"][]).map((stance) => (
              <option key={stance} value={stance}>
                {STANCE_CHOICE[stance]}
              </option>
            ))}
          </select>
        </label>
        {canChooseVisibility && (
          <label>
            Visible to{" "}
            <select
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as ThreadView["visibility"])}
              className="rounded border border-slate-300 px-1 py-0.5"
            >
              {THREAD_VISIBILITIES.map((value) => (
                <option key={value} value={value}>
                  {VISIBILITY_LABEL[value]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="sr-only" htmlFor={`new-comment-${sectionKey}`}>
        Your comment
      </label>
      <textarea
        id={`new-comment-${sectionKey}`}
        autoFocus
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={5000}
        rows={2}
        required
        placeholder="Your comment…"
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
    </SelectionForm>
  );
}
