import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { seedPlanForUser } from "@/lib/plan/seed-plan-for-user";

/** Seeds the dialogue's draft plan (facilitators, admins). No body. 201 with the new plan; 200 with the one it already has. */
export const POST = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const result = await seedPlanForUser({ actor, dialogueId: (await context.params).id });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});
