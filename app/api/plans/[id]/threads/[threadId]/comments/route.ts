import { requireUser } from "@/lib/auth/current-user";
import { ZReply } from "@/lib/comments/schemas";
import { replyToThread } from "@/lib/comments/write-comment";
import { readJson, withErrors } from "@/lib/http/respond";

/** Replies in a thread (delegates, facilitators and admins who can see it). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string; threadId: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZReply);
  const { id, threadId } = await context.params;
  return Response.json(await replyToThread({ actor, target: { planId: id, threadId }, input }), { status: 201 });
});
