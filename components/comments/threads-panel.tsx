"use client";

/**
 * A section's comment threads, beside its text (like comments in a shared
 * document): open a thread on selected text, reply, resolve or reopen.
 * The server decides who may do what, and says so: the viewer's abilities on
 * the plan, and each thread's own. This offers exactly those, never reading a role.
 */
import { useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import { sortByAnchor, useAnchorAlignment } from "./use-anchor-alignment";
import type { SelectedQuote } from "./selection-quote";
import type { ThreadView } from "./use-threads";
import { useThreads } from "./use-threads";
import type { PlanAbilities } from "@/lib/auth/policies";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/components/ui/badge";

/** Who is looking: their delegation (to show its own co-sponsorship) and what the server says they may do on this plan. */
export type Viewer = { delegationId: string | null; abilities: PlanAbilities };

const STANCE_LABEL: Record<ThreadView["stance"], string> = {
  support: "Supports",
  oppose: "Opposes",
  question: "Question",
  neutral: "Comment",
};
const STANCE_TONE: Record<ThreadView["stance"], BadgeTone> = {
  support: "success",
  oppose: "danger",
  question: "info",
  neutral: "neutral",
};

type Props = {
  planId: string;
  sectionKey: string;
  title: string;
  viewer: Viewer;
  version: number;
  /** The threads as the collab server last pushed them (live), if it has. */
  pushed: ThreadView[] | null;
  selection: SelectedQuote | null;
  onFocusThread: (threadId: string) => void;
  /** The section's text: on wide screens each thread sits level with its marked text there. */
  textRef: RefObject<HTMLElement | null>;
  /** Told the threads whenever they change: the editor draws the facilitators-only ones' anchors. */
  onThreads?: (threads: ThreadView[]) => void;
};

export function ThreadsPanel({
  planId,
  sectionKey,
  title,
  viewer,
  version,
  pushed,
  selection,
  onFocusThread,
  textRef,
  onThreads,
}: Props) {
  const { threads, error, refresh } = useThreads(planId, sectionKey, version, pushed);
  useEffect(() => {
    if (threads) onThreads?.(threads);
  }, [threads, onThreads]);
  const [filter, setFilter] = useState<"open" | "resolved" | "all">("open");
  const [stance, setStance] = useState<ThreadView["stance"] | "any">("any");
  const [delegation, setDelegation] = useState("any");
  const canComment = viewer.abilities.comment;
  useLinkedThread(threads, (thread) => {
    // A filter must never hide the thread a link (e.g. a notification) points at.
    if (filter !== "all" && filter !== thread.status) setFilter("all");
    setStance("any");
    setDelegation("any");
  });
  const delegations = [
    ...new Map(
      (threads ?? []).filter((t) => t.delegation).map((t) => [t.delegation!.id, t.delegation!.name]),
    ).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const filtered = (threads ?? []).filter(
    (t) =>
      (filter === "all" || t.status === filter) &&
      (stance === "any" || t.stance === stance) &&
      (delegation === "any" || t.delegation?.id === delegation),
  );
  const shown = sortByAnchor(filtered, textRef.current);
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
        <div className="flex flex-wrap gap-2 text-xs">
          <label>
            Show{" "}
            <select
              value={filter}
              onChange={(e) => setFilter(e.target.value as typeof filter)}
              className="rounded border border-slate-300 bg-white px-1 py-0.5"
            >
              <option value="open">open</option>
              <option value="resolved">resolved</option>
              <option value="all">all</option>
            </select>
          </label>
          <label>
            Stance{" "}
            <select
              value={stance}
              onChange={(e) => setStance(e.target.value as typeof stance)}
              className="rounded border border-slate-300 bg-white px-1 py-0.5"
            >
              <option value="any">any</option>
              {(Object.keys(STANCE_LABEL) as ThreadView["stance"][]).map((s) => (
                <option key={s} value={s}>
                  {STANCE_LABEL[s].toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <label>
            Delegation{" "}
            <select
              value={delegation}
              onChange={(e) => setDelegation(e.target.value)}
              className="rounded border border-slate-300 bg-white px-1 py-0.5"
            >
              <option value="any">any</option>
              {delegations.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {canComment && (
        <NewThreadForm
          planId={planId}
          sectionKey={sectionKey}
          viewer={viewer}
          selection={selection}
          onCreated={refresh}
        />
      )}
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
            <Thread thread={thread} planId={planId} onChanged={refresh} onFocusThread={onFocusThread} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The thread the address points at (`#thread-<id>`, where notifications
 * link), once this panel has loaded it: `reveal` clears the filters that would
 * hide it, then it is scrolled to and focused.
 */
function useLinkedThread(threads: ThreadView[] | null, reveal: (thread: ThreadView) => void): void {
  // An object, not the id: following the same link twice must show the thread twice.
  const [linked, setLinked] = useState<{ id: string } | null>(null);
  const [handled, setHandled] = useState<{ id: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      setLinked(
        window.location.hash.startsWith("#thread-")
          ? { id: decodeURIComponent(window.location.hash.slice("#thread-".length)) }
          : null,
      );
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  useEffect(() => {
    if (!linked || linked === handled || !threads) return;
    const thread = threads.find((t) => t.id === linked.id);
    if (!thread) return; // another section's thread
    setHandled(linked);
    reveal(thread);
    setFocusId(thread.id);
  }, [linked, handled, threads, reveal]);
  // After the render that shows it.
  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(`thread-${focusId}`);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    setFocusId(null);
  });
}

/** One thread with its replies and the actions its abilities allow the viewer; also listed on the plan-wide comments page. */
export function Thread({
  thread,
  planId,
  onChanged,
  onFocusThread,
}: {
  thread: ThreadView;
  planId: string;
  onChanged: () => void;
  onFocusThread: (id: string) => void;
}) {
  const { reply: canReply, setStatus: canSetStatus, markConcern: canMarkConcern } = thread.abilities;
  const [status, setStatus] = useState("");
  async function post(path: string, body: unknown, done: string): Promise<boolean> {
    setStatus("Saving…");
    const { error } = await apiFetch(`/api/plans/${planId}/threads/${thread.id}${path}`, { method: "POST", body });
    setStatus(error ?? done);
    if (error) return false;
    onChanged();
    return true;
  }
  return (
    <article
      id={`thread-${thread.id}`}
      tabIndex={-1}
      data-testid="comment-thread"
      data-status={thread.status}
      className={`rounded border bg-white p-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-un ${thread.status === "resolved" ? "border-slate-200 opacity-80" : "border-slate-300"}`}
    >
      <header className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono text-slate-600">#{thread.number}</span>
        <Badge tone={STANCE_TONE[thread.stance]}>{STANCE_LABEL[thread.stance]}</Badge>
        <span className="font-medium">{thread.delegation?.name ?? thread.author?.name ?? "Unknown"}</span>
        {thread.visibility === "facilitators" && <Badge tone="private">facilitators only</Badge>}
        {thread.status === "resolved" && <Badge tone="muted">resolved</Badge>}
        {thread.anchor === "detached" && <Badge tone="warning">detached: its text was removed</Badge>}
      </header>
      <button
        type="button"
        onClick={() => onFocusThread(thread.id)}
        className="mt-1 block w-full border-l-2 border-amber-400 pl-2 text-left font-serif text-slate-800 hover:bg-amber-50"
        title="Show this text"
      >
        “{thread.quote.exact}”
      </button>
      <ol className="mt-1 space-y-1">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="text-sm">
            <p className="text-xs text-slate-600">
              <span className="font-medium text-slate-800">{comment.author?.name ?? "Former user"}</span>
              {comment.delegation && <> for {comment.delegation.name}</>} · <Time date={comment.createdAt} />
              {comment.editedAt && " (edited)"}
            </p>
            {/* Always text, never markup: whatever was typed stays inert. */}
            {comment.isDeleted ? (
              <p className="italic text-slate-500">Comment deleted</p>
            ) : (
              <p className="whitespace-pre-wrap break-words">{comment.body}</p>
            )}
          </li>
        ))}
      </ol>
      {canReply && (
        <ReplyForm threadNumber={thread.number} onSubmit={(body) => post("/comments", { body }, "Reply posted")} />
      )}
      {canSetStatus && (
        <Button
          variant="secondary"
          className="mt-1"
          onClick={() =>
            post(
              "/status",
              { status: thread.status === "open" ? "resolved" : "open" },
              thread.status === "open" ? "Resolved" : "Reopened",
            )
          }
        >
          {thread.status === "open" ? "Resolve" : "Reopen"}
          <span className="sr-only"> comment {thread.number}</span>
        </Button>
      )}
      <ConcernMarker thread={thread} planId={planId} canMark={canMarkConcern} onMarked={onChanged} />
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
    </article>
  );
}

/** Where the thread stands on the concern register; facilitators can put it there. */
function ConcernMarker({
  thread,
  planId,
  canMark,
  onMarked,
}: {
  thread: ThreadView;
  planId: string;
  canMark: boolean;
  onMarked: () => void;
}) {
  const [status, setStatus] = useState("");
  if (thread.concern) {
    return (
      <p className="mt-1 text-xs">
        <a href={`/plans/${planId}/concerns#concern-${thread.concern.number}`} className="text-un-dark underline">
          On the concern register (#{thread.concern.number})
        </a>
        <span className="text-slate-600"> · {thread.concern.status}</span>
      </p>
    );
  }
  if (!canMark) return null;
  async function mark() {
    setStatus("Saving…");
    const { error } = await apiFetch(`/api/plans/${planId}/concerns`, {
      method: "POST",
      body: { threadId: thread.id },
    });
    setStatus(error ?? "");
    if (!error) onMarked();
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="danger" className="mt-1" onClick={mark}>
        Mark as concern<span className="sr-only"> (comment {thread.number})</span>
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {status}
      </span>
    </span>
  );
}

function ReplyForm({ threadNumber, onSubmit }: { threadNumber: number; onSubmit: (body: string) => Promise<boolean> }) {
  const [body, setBody] = useState("");
  return (
    <form
      className="mt-1 flex gap-1"
      onSubmit={async (e) => {
        e.preventDefault();
        if (body.trim() && (await onSubmit(body))) setBody("");
      }}
    >
      <label className="sr-only" htmlFor={`reply-${threadNumber}`}>
        Reply to comment {threadNumber}
      </label>
      <input
        id={`reply-${threadNumber}`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={5000}
        placeholder="Reply…"
        className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <Button variant="primary-compact" size="sm" type="submit">
        Reply<span className="sr-only"> to comment {threadNumber}</span>
      </Button>
    </form>
  );
}

function NewThreadForm({
  planId,
  sectionKey,
  viewer,
  selection,
  onCreated,
}: {
  planId: string;
  sectionKey: string;
  viewer: Viewer;
  selection: SelectedQuote | null;
  onCreated: () => void;
}) {
  const [body, setBody] = useState("");
  const [stance, setStance] = useState<ThreadView["stance"]>("neutral");
  const [visibility, setVisibility] = useState<ThreadView["visibility"]>("everyone");
  const [status, setStatus] = useState("");
  const canChooseVisibility = viewer.abilities.openFacilitatorsOnly;
  if (!selection) return <p className="text-xs text-slate-600">Select text in this section to comment on it.</p>;
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!selection) return;
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
    setBody("");
    setStatus("Comment posted");
    onCreated();
  }
  return (
    <form
      onSubmit={submit}
      className="space-y-1 rounded border border-amber-300 bg-white p-2"
      aria-label="New comment on the selected text"
    >
      <p className="text-xs">
        On:{" "}
        <q className="font-serif">
          {selection.exact.length > 120 ? `${selection.exact.slice(0, 120)}…` : selection.exact}
        </q>
      </p>
      <div className="flex flex-wrap gap-2 text-xs">
        <label>
          Stance{" "}
          <select
            value={stance}
            onChange={(e) => setStance(e.target.value as ThreadView["stance"])}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            <option value="neutral">comment</option>
            <option value="support">support</option>
            <option value="oppose">oppose</option>
            <option value="question">question</option>
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
              <option value="everyone">everyone</option>
              <option value="facilitators">facilitators only</option>
            </select>
          </label>
        )}
      </div>
      <label className="sr-only" htmlFor={`new-comment-${sectionKey}`}>
        Your comment
      </label>
      <textarea
        id={`new-comment-${sectionKey}`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={5000}
        rows={2}
        required
        placeholder="Your comment…"
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <Button variant="primary-compact" size="sm" type="submit">
        Comment
      </Button>
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
    </form>
  );
}
