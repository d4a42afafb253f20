/**
 * Seeding a plan on a person's request (the route); the command line and the
 * tests call seedPlan directly, with the database's own trust.
 */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedPlan } from "./seed-plan";

/** Seeds the dialogue's draft plan for `actor` (plan.seed); a dialogue that is not there is a 404. */
export async function seedPlanForUser({ actor, dialogueId }: { actor: Actor; dialogueId: string }) {
  authorize(actor, "plan.seed");
  if (!(await getPrisma().dialogue.findUnique({ where: { id: dialogueId }, select: { id: true } })))
    throw new AppError("not_found", "No such dialogue.");
  return seedPlan({ dialogueId, actorId: actor.id });
}
