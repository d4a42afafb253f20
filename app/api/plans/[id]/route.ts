import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { retitlePlan } from "@/lib/plan/structure/retitle-plan";
import { ZRetitlePlan } from "@/lib/plan/structure/schemas";

type Context = { params: Promise<{ id: string }> };

/** A facilitator edits the plan's title; 409 when the plan's structure changed since the caller's revision. */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "plan.edit");
  const input = await readJson(request, ZRetitlePlan);
  return Response.json(await retitlePlan({ actor, planId: (await context.params).id, input }));
});
