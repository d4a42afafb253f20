/** An admin resets a plan to the skeleton: every section, link and exclusion is replaced, in one audited transaction. */
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeSkeleton } from "./seed-plan";

/** The caller must type the word, so a stray click or a replayed request without it does nothing. */
export const ZResetPlan = z.object({ confirm: z.literal("RESET", { message: 'type RESET to confirm' }) });

export async function resetPlan({ actor, planId }: { actor: CurrentUser; planId: string }) {
  authorize(actor, "plan.reset");
  return getPrisma().$transaction(
    async (tx) => {
      const plan = await tx.plan.findUnique({ where: { id: planId }, include: { _count: { select: { sections: true, links: true, exclusions: true } } } });
      if (!plan) throw new AppError("not_found", "No such plan.");
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${plan.dialogueId}`}))`;
      await tx.coverageExclusion.deleteMany({ where: { planId } });
      await tx.planSection.deleteMany({ where: { planId } }); // links go with their sections
      const counts = await writeSkeleton(tx, { planId, dialogueId: plan.dialogueId });
      await appendAudit(tx, {
        userId: actor.id, action: "plan.reset", resourceType: "plan", resourceId: planId,
        detail: { removed: plan._count, seeded: counts },
      });
      return counts;
    },
    { timeout: 60_000 },
  );
}
