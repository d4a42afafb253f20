/**
 * An admin resets a plan to the skeleton: every section, link and exclusion
 * is replaced, in one audited transaction. Comment threads are the
 * delegations' words and are kept: they move to the new section of the same
 * key and are anchored again in its text where their quote is still there.
 * Amendments are kept and moved the same way.
 */
import { assertTextOpen } from "@/lib/negotiation/negotiation-state";
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import { ensureConcernRegister } from "@/lib/concerns/ensure-concern-register";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { sendCollabNotice } from "@/lib/live/channels";
import { AppError } from "@/lib/errors";
import { requireTemplate, SEED_TRANSACTION, writeSkeleton } from "./seed-plan";
import type { PlanTemplate } from "./templates";

/** The caller must type the word, so a stray click or a replayed request without it does nothing. */
export const ZResetPlan = z.object({ confirm: z.literal("RESET", { message: "type RESET to confirm" }) });

export async function resetPlan({ actor, planId }: { actor: CurrentUser; planId: string }) {
  authorize(actor, "plan.reset");
  return getPrisma().$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({
      where: { id: planId },
      include: { _count: { select: { sections: true, links: true, exclusions: true } } },
    });
    if (!plan) throw new AppError("not_found", "No such plan.");
    await assertTextOpen(tx, planId);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${plan.dialogueId}`}))`;
    await tx.coverageExclusion.deleteMany({ where: { planId } });
    const template = requireTemplate(plan.templateKey);
    const counts = await replaceSectionsKeepingThreads(tx, { planId, dialogueId: plan.dialogueId, template });
    // The register is kept; answers that lived in the old sections move to the new seeded passages or go back to raised.
    await ensureConcernRegister({ planId, tx });
    await appendAudit(tx, {
      userId: actor.id,
      action: "plan.reset",
      resourceType: "plan",
      resourceId: planId,
      detail: { removed: plan._count, seeded: counts },
    });
    return counts;
  }, SEED_TRANSACTION);
}

async function replaceSectionsKeepingThreads(
  tx: Tx,
  { planId, dialogueId, template }: { planId: string; dialogueId: string; template: PlanTemplate },
) {
  // The old sections step aside (their keys must be free for the new ones) until their threads have moved.
  await tx.$executeRaw`UPDATE "PlanSection" SET "key" = "key" || ':replaced:' || "id" WHERE "planId" = ${planId}`;
  const counts = await writeSkeleton(tx, { planId, dialogueId, template });
  const sections = await tx.planSection.findMany({ where: { planId }, select: { id: true, key: true } });
  const fresh = sections.filter((section) => !section.key.includes(":replaced:"));
  const freshByKey = new Map(fresh.map((section) => [section.key, section.id]));
  for (const old of sections.filter((section) => section.key.includes(":replaced:"))) {
    const target = freshByKey.get(old.key.split(":replaced:")[0]) ?? fresh[0].id;
    await tx.commentThread.updateMany({
      where: { sectionId: old.id },
      data: { sectionId: target, anchoredAt: null, anchorClaimedAt: null },
    });
    // Pending ones whose text the skeleton no longer has then show as stale.
    await tx.amendment.updateMany({ where: { sectionId: old.id }, data: { sectionId: target } });
  }
  await tx.planSection.deleteMany({ where: { planId, key: { contains: ":replaced:" } } }); // links go with their sections
  // The collaboration server marks each quote again where the new text still has it; the others show as detached.
  for (const { id, sectionId, visibility } of await tx.commentThread.findMany({
    where: { planId },
    select: { id: true, sectionId: true, visibility: true },
  })) {
    await sendCollabNotice(tx, { type: "anchor-thread", threadId: id, planId, sectionId, visibility });
  }
  return counts;
}
