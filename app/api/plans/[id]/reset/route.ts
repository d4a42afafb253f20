import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { resetPlan, ZResetPlan } from "@/lib/plan/reset-plan";

/** Resets a plan to the skeleton (admins only), after the caller typed RESET. */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  await readJson(request, ZResetPlan);
  return Response.json(await resetPlan({ actor, planId: (await context.params).id }));
});
