/** A facilitator records that a point of the dialogue is left out of the plan on purpose, and why; or takes that back. */
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendCollabNotice } from "@/lib/live/channels";

export const ZExclusion = z.object({
  targetType: z.enum(["summary-item", "speaker", "delegation"]),
  targetId: z.string().min(1).max(300),
  reason: z.string().trim().min(3, "say why, in a few words").max(2000),
});
export const ZExclusionTarget = ZExclusion.pick({ targetType: true, targetId: true });

const TABLE_OF = { "summary-item": "summaryItem", speaker: "speaker", delegation: "delegation" } as const;

export async function excludeFromCoverage({
  actor,
  planId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  input: z.infer<typeof ZExclusion>;
}) {
  authorize(actor, "provenance.confirm");
  return getPrisma().$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { dialogueId: true } });
    if (!plan) throw new AppError("not_found", "No such plan.");
    // The target must belong to this plan's dialogue.
    const delegate = tx[TABLE_OF[input.targetType]] as unknown as { count: (args: object) => Promise<number> };
    if ((await delegate.count({ where: { id: input.targetId, dialogueId: plan.dialogueId } })) === 0) {
      throw new AppError("invalid", "That is not part of this plan's dialogue.", { field: "targetId" });
    }
    const exclusion = await tx.coverageExclusion.upsert({
      where: { planId_targetType_targetId: { planId, targetType: input.targetType, targetId: input.targetId } },
      create: { planId, ...input, createdById: actor.id },
      update: { reason: input.reason, createdById: actor.id },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "coverage.exclude",
      resourceType: input.targetType,
      resourceId: input.targetId,
      detail: { planId, reason: input.reason },
    });
    await sendCollabNotice(tx, { type: "coverage-changed", planId });
    return exclusion;
  });
}

export async function includeInCoverage({
  actor,
  planId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  input: z.infer<typeof ZExclusionTarget>;
}) {
  authorize(actor, "provenance.confirm");
  return getPrisma().$transaction(async (tx) => {
    const removed = await tx.coverageExclusion.deleteMany({
      where: { planId, targetType: input.targetType, targetId: input.targetId },
    });
    if (removed.count === 0) throw new AppError("not_found", "That point is not excluded.");
    await appendAudit(tx, {
      userId: actor.id,
      action: "coverage.include",
      resourceType: input.targetType,
      resourceId: input.targetId,
      detail: { planId },
    });
    await sendCollabNotice(tx, { type: "coverage-changed", planId });
  });
}
