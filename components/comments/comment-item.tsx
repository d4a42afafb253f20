"use client";

/**
 * One comment of a thread: who wrote it and when, its words (always as
 * text), and for its author Edit (within the edit window) and Delete, for
 * moderators Delete. A deleted comment stays as a tombstone, so the replies
 * after it still read in order.
 */
import { useEffect, useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ThreadView } from "./use-threads";
import { ReferencedText } from "./referenced-text";

type Comment = ThreadView["comments"][number];

type Props = {
  comment: Comment;
  /** "comment 3, reply 2": how buttons and fields name it to screen readers. */
  label: string;
  /** The comment's address in the API. */
  url: string;
  /** What the viewer may do to their own comments and to anyone's (the thread's abilities, from the server). */
  abilities: ThreadView["abilities"];
  /** The viewer, whose own comments these are. */
  viewerId: string;
  onChanged: () => void;
};

/** Edit and Delete as the server's abilities allow them for this comment; the server checks again. */
function commentActions(comment: Comment, abilities: Props["abilities"], viewerId: string, isInWindow: boolean) {
  if (comment.isDeleted) return { edit: false, delete: false };
  const isOwn = comment.author?.id === viewerId;
  return {
    edit: isOwn && abilities.editOwnComments && isInWindow,
    delete: (isOwn && abilities.deleteOwnComments) || abilities.deleteAnyComment,
  };
}

export function CommentItem({ comment, label, url, abilities, viewerId, onChanged }: Props) {
  const [mode, setMode] = useState<"read" | "edit" | "confirm-delete">("read");
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);
  const isInEditWindow = useIsBefore(comment.editableUntil);
  const actions = commentActions(comment, abilities, viewerId, isInEditWindow);

  async function send(method: "PATCH" | "DELETE", body: unknown, done: string): Promise<boolean> {
    setBusy(true);
    setStatus("Saving…");
    const { error } = await apiFetch(url, { method, body });
    setBusy(false);
    if (error) {
      setStatus(error);
      return false;
    }
    setStatus(done);
    setMode("read");
    onChanged();
    return true;
  }

  return (
    <li className="text-sm" data-testid="comment">
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-800">{comment.author?.name ?? "Former user"}</span>
        {comment.delegation && <> for {comment.delegation.name}</>} · <Time date={comment.createdAt} />
        {comment.editedAt && " (edited)"}
      </p>
      {mode === "edit" ? (
        <EditCommentForm
          label={label}
          initialBody={comment.body ?? ""}
          isBusy={isBusy}
          onSave={(body) => send("PATCH", { body }, "Comment edited")}
          onCancel={() => setMode("read")}
        />
      ) : comment.isDeleted ? (
        <p className="italic text-slate-500">Comment deleted</p>
      ) : (
        // Always text, never markup: whatever was typed stays inert.
        <p className="whitespace-pre-wrap break-words">
          <ReferencedText text={comment.body ?? ""} references={comment.references} />
        </p>
      )}
      {mode === "confirm-delete" && (
        <ConfirmDialog
          title={`Delete ${label}?`}
          description="Its words are removed for everyone; the thread shows that a comment was deleted here."
          confirmLabel="Delete"
          busyLabel="Deleting…"
          isBusy={isBusy}
          onConfirm={() => void send("DELETE", undefined, "Comment deleted")}
          onCancel={() => setMode("read")}
        />
      )}
      {mode === "read" && (actions.edit || actions.delete) && (
        <div className="flex gap-3 text-xs">
          {actions.edit && (
            <button type="button" onClick={() => setMode("edit")} className="text-un-dark underline">
              Edit<span className="sr-only"> {label}</span>
            </button>
          )}
          {actions.delete && (
            <button type="button" onClick={() => setMode("confirm-delete")} className="text-red-800 underline">
              Delete<span className="sr-only"> {label}</span>
            </button>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
    </li>
  );
}

/** Whether `deadline` is still ahead; turns false when it passes, so Edit goes away before the server would refuse it. */
function useIsBefore(deadline: string | null): boolean {
  const [isBefore, setBefore] = useState(() => deadline !== null && Date.now() < Date.parse(deadline));
  useEffect(() => {
    const left = deadline === null ? 0 : Date.parse(deadline) - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setBefore(false), left);
    return () => clearTimeout(timer);
  }, [deadline]);
  return isBefore;
}

function EditCommentForm({
  label,
  initialBody,
  isBusy,
  onSave,
  onCancel,
}: {
  label: string;
  initialBody: string;
  isBusy: boolean;
  onSave: (body: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initialBody);
  const fieldId = useId();
  return (
    <form
      className="space-y-1"
      aria-label={`Edit ${label}`}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) void onSave(body);
      }}
    >
      <label className="sr-only" htmlFor={fieldId}>
        Words of {label}
      </label>
      <textarea
        id={fieldId}
        autoFocus
        value={body}
        onChange={(event) => setBody(event.target.value)}
        maxLength={5000}
        rows={2}
        required
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <div className="flex gap-2 text-xs">
        <button
          type="submit"
          disabled={isBusy}
          className="rounded bg-un-dark px-2 py-1 font-medium text-white hover:bg-un"
        >
          Save<span className="sr-only"> {label}</span>
        </button>
        <button type="button" onClick={onCancel} className="underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
