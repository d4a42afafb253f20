"use client";

/**
 * A section's comment threads, beside its text (like comments in a shared
 * document): open a thread on selected text, reply, resolve or reopen.
 * The server decides who may do what, and says so: the viewer's abilities on
 * the plan, and each thread's own. This offers exactly those, never reading a role.
 */
import { useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { PlanViewer } from "@/lib/auth/policies";
import { NewThreadForm } from "./new-thread-form";
import type { SelectedQuote } from "./selection-quote";
import { Thread } from "./thread-card";
import { ThreadFilters, useThreadFilters } from "./thread-filters";
import { sortByAnchor, useAnchorAlignment } from "./use-anchor-alignment";
import { useLinkedThread } from "./use-linked-thread";
import type { ThreadView } from "./use-threads";
import { useThreads } from "./use-threads";

/** Who is looking, as the server presents them (lib/auth/policies.ts). */
export type Viewer = PlanViewer;

type Props = {
  planId: string;
  sectionKey: string;
  title: string;
  viewer: Viewer;
  version: number;
  /** The threads as the collab server last pushed them (live), if it has. */
  pushed: ThreadView[] | null;
  /** The text the viewer chose to comment on: the new-comment form is open while there is one. */
  selection: SelectedQuote | null;
  /** The form is done with it (posted or cancelled). */
  onSelectionDone: () => void;
  onFocusThread: (threadId: string) => void;
  /** The section's text: on wide screens each thread sits level with its marked text there. */
  textRef: RefObject<HTMLElement | null>;
  /** Told the threads whenever they change: the editor draws the facilitators-only ones' anchors. */
  onThreads?: (threads: ThreadView[]) => void;
  /** A thread to show (its highlight was clicked): the filters that would hide it are cleared. */
  threadToShow?: { id: string } | null;
};

export function ThreadsPanel({
  planId,
  sectionKey,
  title,
  viewer,
  version,
  pushed,
  selection,
  onSelectionDone,
  onFocusThread,
  textRef,
  onThreads,
  threadToShow = null,
}: Props) {
  const { threads, error, refresh } = useThreads(planId, sectionKey, version, pushed);
  useEffect(() => {
    if (threads) onThreads?.(threads);
  }, [threads, onThreads]);
  const filters = useThreadFilters(threads);
  // A filter must never hide the thread a link (e.g. a notification) or a clicked highlight points at.
  useLinkedThread(threads, threadToShow, filters.reveal);
  const [notice, setNotice] = useState("");
  const shown = sortByAnchor(filters.shown, textRef.current);
  const listRef = useRef<HTMLOListElement>(null);
  const offsets = useAnchorAlignment({ textRef, listRef, threads: shown });
  return (
    <section
      aria-label={`Comments on ${title}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          Comments{" "}
          {threads && (
            <span className="font-normal text-slate-600">
              ({threads.filter((t) => t.status === "open").length} open)
            </span>
          )}
        </h3>
        <ThreadFilters values={filters.values} onChange={filters.change} delegations={filters.delegations} />
      </div>
      {viewer.abilities.comment &&
        (selection ? (
          <NewThreadForm
            planId={planId}
            sectionKey={sectionKey}
            viewer={viewer}
            selection={selection}
            onPosted={() => {
              setNotice("Comment posted");
              onSelectionDone();
              void refresh();
            }}
            onCancel={onSelectionDone}
          />
        ) : (
          <p className="text-xs text-slate-600">Select text in this section to comment on it.</p>
        ))}
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {notice}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
      {threads === null ? (
        <p className="text-xs text-slate-600">Loading comments…</p>
      ) : shown.length === 0 ? (
        <p className="text-xs text-slate-600">No comments match.</p>
      ) : null}
      <ol ref={listRef} className="space-y-2">
        {shown.map((thread) => (
          <li key={thread.id} data-thread-card={thread.id} style={{ paddingTop: offsets.get(thread.id) ?? 0 }}>
            <Thread
              thread={thread}
              planId={planId}
              viewerId={viewer.id}
              onChanged={refresh}
              onFocusThread={onFocusThread}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
