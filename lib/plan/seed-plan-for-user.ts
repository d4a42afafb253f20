/**
 * Seeding a plan on a person's request (the route); the command line and the
 * tests call seedPlan directly, with the database's own trust.
 */
import { z } from "zod";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedPlan } from "./seed-plan";
import { DEFAULT_TEMPLATE_KEY, TEMPLATE_KEYS } from "./templates";

/** The seed request's body: which template, the plan of action unless said. */
export const ZSeedPlan = z.object({ template: z.enum(TEMPLATE_KEYS).default(DEFAULT_TEMPLATE_KEY) });

/** Seeds the dialogue's draft plan for `actor` (plan.seed) with the template; a dialogue that is not there is a 404. */
export async function seedPlanForUser({
  actor,
  dialogueId,
  templateKey,
}: {
  actor: Actor;
  dialogueId: string;
  templateKey: string;
}) {
  authorize(actor, "plan.seed");
  if (!(await getPrisma().dialogue.findUnique({ where: { id: dialogueId }, select: { id: true } })))
    throw new AppError("not_found", "No such dialogue.");
  return seedPlan({ dialogueId, templateKey, actorId: actor.id });
}
