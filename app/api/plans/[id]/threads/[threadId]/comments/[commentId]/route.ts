import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { ZReply } from "@/lib/comments/schemas";
import { deleteComment, editComment } from "@/lib/comments/write-comment";
import { readJson, withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string; threadId: string; commentId: string }> };

/** Edits one's own comment within 15 minutes. */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "comment.edit");
  const input = await readJson(request, ZReply);
  const { id, threadId, commentId } = await context.params;
  return Response.json(await editComment({ actor, target: { planId: id, threadId }, commentId, input }));
});

/** Deletes a comment, leaving a tombstone: its author, or a facilitator. */
export const DELETE = withErrors(async (_request: Request, context: Context) => {
  const actor = await requireUser();
  const { id, threadId, commentId } = await context.params;
  return Response.json(await deleteComment({ actor, target: { planId: id, threadId }, commentId }));
});
