import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { ZReply } from "@/lib/comments/schemas";
import { replyToThread } from "@/lib/comments/write-comment";
import { readJson, withErrors } from "@/lib/http/respond";

/** Replies in a thread (delegates, facilitators and admins who can see it). */
export const POST = withErrors(
  async (request: Request, context: { params: Promise<{ id: string; threadId: string }> }) => {
    const actor = await requireUser();
    // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
    authorize(actor, "comment.create");
    const input = await readJson(request, ZReply);
    const { id, threadId } = await context.params;
    return Response.json(await replyToThread({ actor, target: { planId: id, threadId }, input }), { status: 201 });
  },
);
