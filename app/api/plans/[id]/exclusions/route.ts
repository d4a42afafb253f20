import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import {
  excludeFromCoverage,
  includeInCoverage,
  ZExclusion,
  ZExclusionTarget,
} from "@/lib/provenance/exclude-from-coverage";

type Context = { params: Promise<{ id: string }> };

/** Excludes a point of the dialogue from the plan's coverage, with a reason (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "provenance.confirm");
  const input = await readJson(request, ZExclusion);
  const exclusion = await excludeFromCoverage({ actor, planId: (await context.params).id, input });
  return Response.json(exclusion, { status: 201 });
});

/** Takes an exclusion back. */
export const DELETE = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "provenance.confirm");
  const input = await readJson(request, ZExclusionTarget);
  await includeInCoverage({ actor, planId: (await context.params).id, input });
  return new Response(null, { status: 204 });
});
