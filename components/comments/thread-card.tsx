"use client";

/**
 * One comment thread: its stance and state, the quoted text, the replies,
 * and the actions its abilities allow the viewer (reply, resolve or reopen,
 * mark as a concern). Shown beside a section and on the plan-wide comments page.
 */
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-fetch";
import { CommentItem } from "./comment-item";
import type { ThreadView } from "./use-threads";

/** How a stance reads on a thread and in the stance filter. */
export const STANCE_LABEL: Record<ThreadView["stance"], string> = {
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

/** One thread with its replies and the actions its abilities allow the viewer; also listed on the plan-wide comments page. */
export function Thread({
  thread,
  planId,
  viewerId,
  onChanged,
  onFocusThread,
}: {
  thread: ThreadView;
  planId: string;
  /** The viewer, whose own comments they may edit and delete. */
  viewerId: string;
  onChanged: () => void;
  onFocusThread: (id: string) => void;
}) {
  const { reply: canReply, setStatus: canSetStatus, markConcern: canMarkConcern } = thread.abilities;
  const [status, setStatus] = useState("");
  const threadUrl = `/api/plans/${planId}/threads/${thread.id}`;
  async function post(path: string, body: unknown, done: string): Promise<boolean> {
    setStatus("Saving…");
    const { error } = await apiFetch(`${threadUrl}${path}`, { method: "POST", body });
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
        {thread.paragraph && (
          <span className="text-slate-700" title="The paragraph it is on, as numbered now">
            on {thread.paragraph}
          </span>
        )}
        <Badge tone={STANCE_TONE[thread.stance]}>{STANCE_LABEL[thread.stance]}</Badge>
        <span className="font-medium">{thread.delegation?.name ?? thread.author?.name ?? "Unknown"}</span>
        {thread.visibility === "facilitators" && <Badge tone="private">facilitators only</Badge>}
        {thread.status === "resolved" && <Badge tone="muted">resolved</Badge>}
        {thread.anchor === "detached" && <Badge tone="warning">detached: its text was removed</Badge>}
        {thread.anchor === "removed" && <Badge tone="warning">removed with its section</Badge>}
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
        {thread.comments.map((comment, index) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            label={index === 0 ? `comment ${thread.number}` : `comment ${thread.number}, reply ${index}`}
            url={`${threadUrl}/comments/${comment.id}`}
            abilities={thread.abilities}
            viewerId={viewerId}
            onChanged={onChanged}
          />
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
