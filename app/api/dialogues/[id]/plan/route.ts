import { authorize, requireUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";
import { seedPlan } from "@/lib/plan/seed-plan";

/** Seeds the dialogue's draft plan (facilitators, admins). No body. 201 with the new plan; 200 with the one it already has. */
export const POST = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  authorize(actor, "plan.seed");
  const { id } = await context.params;
  if (!(await getPrisma().dialogue.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("not_found", "No such dialogue.");
  const result = await seedPlan({ dialogueId: id, actorId: actor.id });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});
