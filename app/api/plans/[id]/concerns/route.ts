import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { listConcerns } from "@/lib/concerns/list-concerns";
import { markThreadAsConcern } from "@/lib/concerns/mark-thread-as-concern";
import { ZConcernFilter, ZMarkThreadAsConcern } from "@/lib/concerns/schemas";
import { readJson, withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string }> };

/** The plan's concern register as this user may see it (?status=raised|addressed|noted&origin=dialogue|comment). */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const filter = ZConcernFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listConcerns({ viewer, planId: (await context.params).id, filter }));
});

/** Puts a comment thread on the register (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "concern.manage");
  const input = await readJson(request, ZMarkThreadAsConcern);
  return Response.json(await markThreadAsConcern({ actor, planId: (await context.params).id, input }), { status: 201 });
});
