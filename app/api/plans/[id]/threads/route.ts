import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { createThread } from "@/lib/comments/create-thread";
import { listThreads } from "@/lib/comments/list-threads";
import { ZCreateThread } from "@/lib/comments/schemas";
import { readJson, withErrors } from "@/lib/http/respond";
import { THREAD_STANCES, THREAD_STATUSES } from "@/lib/comments/thread-values";

type Context = { params: Promise<{ id: string }> };

const ZFilter = z.object({
  section: z.string().max(100).optional(),
  status: z.enum(THREAD_STATUSES).optional(),
  delegation: z.string().max(200).optional(),
  stance: z.enum(THREAD_STANCES).optional(),
});

/** The plan's comment threads this user may see (facilitators-only threads only for facilitators and admins). */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const query = ZFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = {
    sectionKey: query.section,
    status: query.status,
    delegationId: query.delegation,
    stance: query.stance,
  };
  return Response.json(await listThreads({ viewer, planId: (await context.params).id, filter }));
});

/** Opens a thread on a passage (delegates, facilitators and admins). */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "comment.create");
  const input = await readJson(request, ZCreateThread);
  return Response.json(await createThread({ actor, planId: (await context.params).id, input }), { status: 201 });
});
