"use client";

/**
 * A section's amendments beside its text: delegations propose one on
 * selected text (replace, insert after, delete) or on its whole paragraph
 * (insert one after it, delete it, move it) with a rationale; everyone sees
 * the pending ones as word diffs, live.
 */
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import type { SelectedQuote } from "@/components/comments/selection-quote";
import type { Viewer } from "@/components/comments/threads-panel";
import { AmendmentCard } from "./amendment-card";
import { ProposeForm } from "./propose-form";
import { useAmendments } from "./use-amendments";

type Props = {
  planId: string;
  sectionId: string;
  sectionKey: string;
  title: string;
  viewer: Viewer;
  version: number;
  /** The text the viewer chose to amend: the proposal form is open while there is one. */
  selection: SelectedQuote | null;
  /** The section's live editor: a paragraph amendment chooses among its paragraphs. */
  editor: Editor | null;
  /** The form is done with it (proposed or cancelled). */
  onSelectionDone: () => void;
};

export function AmendmentsPanel({
  planId,
  sectionId,
  sectionKey,
  title,
  viewer,
  version,
  selection,
  editor,
  onSelectionDone,
}: Props) {
  const { amendments, error, refresh } = useAmendments(planId, sectionKey, version);
  const [isShowingAll, setShowingAll] = useState(false);
  const open = (amendments ?? []).filter((a) => a.status === "pending");
  const shown = isShowingAll ? (amendments ?? []) : open;
  const canPropose = viewer.abilities.propose;
  const [notice, setNotice] = useState("");
  return (
    <section
      aria-label={`Amendments to ${title}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          Amendments {amendments && <span className="font-normal text-slate-600">({open.length} pending)</span>}
        </h3>
        <div className="flex items-center gap-3 text-xs">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={isShowingAll} onChange={(e) => setShowingAll(e.target.checked)} /> Show
            decided and withdrawn
          </label>
          <a
            href={`/plans/${planId}/amendments?section=${encodeURIComponent(sectionKey)}`}
            className="text-un-dark underline"
          >
            All amendments<span className="sr-only"> to {title}</span>
          </a>
        </div>
      </div>
      {canPropose &&
        (selection ? (
          <ProposeForm
            planId={planId}
            sectionId={sectionId}
            sectionKey={sectionKey}
            selection={selection}
            editor={editor}
            onProposed={() => {
              setNotice("Amendment proposed");
              onSelectionDone();
              void refresh();
            }}
            onCancel={onSelectionDone}
          />
        ) : (
          <p className="text-xs text-slate-600">Select text in this section to propose an amendment to it.</p>
        ))}
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {notice}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
      {amendments === null ? (
        <p className="text-xs text-slate-600">Loading amendments…</p>
      ) : shown.length === 0 ? (
        <p className="text-xs text-slate-600">No {isShowingAll ? "" : "pending "}amendments.</p>
      ) : null}
      <ol className="space-y-2">
        {shown.map((amendment) => (
          <li key={amendment.id}>
            <AmendmentCard amendment={amendment} planId={planId} viewer={viewer} onChanged={refresh} />
          </li>
        ))}
      </ol>
    </section>
  );
}
