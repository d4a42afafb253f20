"use client";

/**
 * A section's amendments beside its text: delegations propose one on
 * selected text (replace, insert after, delete) with a rationale; everyone
 * sees the pending ones as word diffs, live.
 */
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { SelectionForm } from "@/components/comments/selection-form";
import type { SelectedQuote } from "@/components/comments/selection-quote";
import type { Viewer } from "@/components/comments/threads-panel";
import { AmendmentCard } from "./amendment-card";
import type { AmendmentView } from "./use-amendments";
import { useAmendments } from "./use-amendments";
import { RoundDeadlineNotice } from "@/components/negotiation/round-deadline-notice";

/** The kinds of change, as a choice; typed by the kinds, so none can be missing. */
const KIND_CHOICE: Record<AmendmentView["kind"], string> = {
  replace: "Replace it with…",
  insert_after: "Insert after it…",
  delete: "Delete it",
};

type Props = {
  planId: string;
  sectionKey: string;
  title: string;
  viewer: Viewer;
  version: number;
  /** The text the viewer chose to amend: the proposal form is open while there is one. */
  selection: SelectedQuote | null;
  /** The form is done with it (proposed or cancelled). */
  onSelectionDone: () => void;
};

export function AmendmentsPanel({ planId, sectionKey, title, viewer, version, selection, onSelectionDone }: Props) {
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
            sectionKey={sectionKey}
            selection={selection}
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

function ProposeForm({
  planId,
  sectionKey,
  selection,
  onProposed,
  onCancel,
}: {
  planId: string;
  sectionKey: string;
  selection: SelectedQuote;
  onProposed: () => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<AmendmentView["kind"]>("replace");
  const [newText, setNewText] = useState("");
  const [rationale, setRationale] = useState("");
  const [status, setStatus] = useState("");
  async function submit() {
    setStatus("Proposing…");
    const quote = { exact: selection.exact, prefix: selection.prefix, suffix: selection.suffix };
    const body = {
      sectionKey,
      blockId: selection.blockId,
      quote,
      kind,
      rationale,
      ...(kind === "delete" ? {} : { newText }),
    };
    const { error } = await apiFetch(`/api/plans/${planId}/amendments`, { method: "POST", body });
    if (error) return setStatus(error);
    onProposed();
  }
  const id = (name: string) => `amend-${name}-${sectionKey}`;
  return (
    <SelectionForm
      label="Propose an amendment to the selected text"
      quoteLead="Amend"
      selection={selection}
      tone="amendment"
      submitLabel="Propose amendment"
      status={status}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <RoundDeadlineNotice planId={planId} kind="amendment" />
      <label className="block text-xs" htmlFor={id("kind")}>
        Change
      </label>
      <select
        id={id("kind")}
        autoFocus
        value={kind}
        onChange={(e) => setKind(e.target.value as AmendmentView["kind"])}
        className="rounded border border-slate-300 px-1 py-0.5 text-xs"
      >
        {(Object.keys(KIND_CHOICE) as AmendmentView["kind"][]).map((kind) => (
          <option key={kind} value={kind}>
            {KIND_CHOICE[kind]}
          </option>
        ))}
      </select>
      {kind !== "delete" && (
        <>
          <label className="block text-xs" htmlFor={id("text")}>
            {kind === "replace" ? "New text" : "Text to insert"}
          </label>
          <textarea
            id={id("text")}
            value={newText}
            onChange={(e) => setNewText(e.target.value)}
            required
            maxLength={5000}
            rows={2}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </>
      )}
      <label className="block text-xs" htmlFor={id("rationale")}>
        Rationale
      </label>
      <textarea
        id={id("rationale")}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        required
        maxLength={5000}
        rows={2}
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
    </SelectionForm>
  );
}
