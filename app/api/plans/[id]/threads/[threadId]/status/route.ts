import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { ZThreadStatus } from "@/lib/comments/schemas";
import { setThreadStatus } from "@/lib/comments/set-thread-status";
import { readJson, withErrors } from "@/lib/http/respond";

/** Resolves or reopens a thread: facilitators, and the delegation that opened it. */
export const POST = withErrors(
  async (request: Request, context: { params: Promise<{ id: string; threadId: string }> }) => {
    const actor = await requireUser();
    // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
    authorize(actor, "comment.resolve");
    const input = await readJson(request, ZThreadStatus);
    const { id, threadId } = await context.params;
    return Response.json(await setThreadStatus({ actor, target: { planId: id, threadId }, input }));
  },
);
