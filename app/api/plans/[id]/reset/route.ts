import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { resetPlan, ZResetPlan } from "@/lib/plan/reset-plan";

/** Resets a plan to the skeleton (admins only), after the caller typed RESET. */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "plan.reset");
  await readJson(request, ZResetPlan);
  return Response.json(await resetPlan({ actor, planId: (await context.params).id }));
});
