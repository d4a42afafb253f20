import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { readJson, withErrors } from "@/lib/http/respond";
import { createVersion } from "@/lib/versions/create-version";
import { listVersions } from "@/lib/versions/list-versions";
import { ZCreateVersion } from "@/lib/versions/schemas";

type Context = { params: Promise<{ id: string }> };

/** The plan's versions, newest first, with their change summaries (every signed-in role reads them). */
export const GET = withErrors(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  const listed = await listVersions({ viewer, planId: (await context.params).id });
  if (!listed) throw new AppError("not_found", "No such plan.");
  return Response.json(listed.versions);
});

/** A facilitator issues a named version ("Rev.1"); a label already used is 409. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "version.create");
  const input = await readJson(request, ZCreateVersion);
  return Response.json(await createVersion({ actor, planId: (await context.params).id, input }), { status: 201 });
});
