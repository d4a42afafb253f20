/** A facilitator edits the plan's title: a change to its structure, so it is live, audited and kept by versions. */
import type { Actor } from "@/lib/auth/policies";
import { changeStructure } from "./change-structure";
import type { TRetitlePlan } from "./schemas";

export async function retitlePlan({ actor, planId, input }: { actor: Actor; planId: string; input: TRetitlePlan }) {
  return changeStructure({
    actor,
    planId,
    expectedRevision: input.expectedRevision,
    change: {
      apply: async (tx, sections) => {
        const { title: from } = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { title: true } });
        await tx.plan.update({ where: { id: planId }, data: { title: input.title } });
        return { sections, result: { title: { from, to: input.title } } };
      },
      audit: { action: "plan.retitle", resourceType: "plan", resourceId: () => planId },
      detail: ({ title }) => ({ title }),
    },
  });
}
