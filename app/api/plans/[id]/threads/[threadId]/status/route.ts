import { requireUser } from "@/lib/auth/current-user";
import { ZThreadStatus } from "@/lib/comments/schemas";
import { setThreadStatus } from "@/lib/comments/set-thread-status";
import { readJson, withErrors } from "@/lib/http/respond";

/** Resolves or reopens a thread: facilitators, and the delegation that opened it. */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string; threadId: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZThreadStatus);
  const { id, threadId } = await context.params;
  return Response.json(await setThreadStatus({ actor, target: { planId: id, threadId }, input }));
});
