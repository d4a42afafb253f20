import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { seedPlanForUser, ZSeedPlan } from "@/lib/plan/seed-plan-for-user";

/**
 * Seeds a draft plan from the dialogue with a template (facilitators, admins): body `{ "template": "ga-resolution" }`,
 * the plan of action by default. 201 with the new plan; 200 with the one this template already gave.
 */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  // Asked before the body is read, so a role that may never seed gets 403, not the body's 400.
  authorize(actor, "plan.seed");
  const { template } = await readJson(request, ZSeedPlan);
  const result = await seedPlanForUser({ actor, dialogueId: (await context.params).id, templateKey: template });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});
