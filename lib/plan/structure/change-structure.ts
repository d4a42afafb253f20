/**
 * The one way a plan's structure changes: in a transaction that locks the
 * plan row, checks the revision the change was made against, applies it,
 * puts the live sections' positions back in order, counts the revision up,
 * audits, and tells every open page (through the plan's activity stream) and
 * every collaboration server. The operations (add, change, remove a section;
 * retitle the plan) are the `apply` step.
 */
import { assertTextOpen } from "@/lib/negotiation/negotiation-state";
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendCollabNotice } from "@/lib/live/channels";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export type StructureSection = { id: string; key: string; title: string; part: "main" | "annex"; level: number };

export type StructureChange<R> = {
  /** The sections in the plan now, in order; apply returns them in their new order. */
  apply: (tx: Tx, sections: StructureSection[]) => Promise<{ sections: StructureSection[]; result: R }>;
  /** "plan.section.add" and the like, and what the audit entry records. */
  audit: { action: string; resourceType: "plan" | "plan_section"; resourceId: (result: R) => string };
  detail: (result: R) => Prisma.InputJsonValue;
};

export type StructureResult<R> = R & { revision: number };

export async function changeStructure<R>({
  actor,
  planId,
  expectedRevision,
  change,
}: {
  actor: Actor;
  planId: string;
  expectedRevision: number;
  change: StructureChange<R>;
}): Promise<StructureResult<R>> {
  authorize(actor, "plan.edit");
  return getPrisma().$transaction(async (tx) => {
    await lockPlanAtRevision(tx, { planId, expectedRevision });
    await assertTextOpen(tx, planId);
    const before = await readStructure(tx, planId);
    const { sections, result } = await change.apply(tx, before);
    await writeOrder(tx, sections);
    const { structureRevision: revision } = await tx.plan.update({
      where: { id: planId },
      data: { structureRevision: { increment: 1 } },
      select: { structureRevision: true },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: change.audit.action,
      resourceType: change.audit.resourceType,
      resourceId: change.audit.resourceId(result),
      detail: { planId, revision, ...(change.detail(result) as object) },
    });
    await sendCollabNotice(tx, { type: "structure-changed", planId });
    return { ...result, revision };
  });
}

/** Holds the plan's row until the transaction ends, and refuses a change made against an older structure. */
async function lockPlanAtRevision(tx: Tx, { planId, expectedRevision }: { planId: string; expectedRevision: number }) {
  const [plan] = await tx.$queryRaw<{ structureRevision: number }[]>`
    SELECT "structureRevision" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
  if (!plan) throw new AppError("not_found", "No such plan.");
  if (plan.structureRevision !== expectedRevision)
    throw new AppError(
      "conflict",
      "The plan's sections changed since you loaded them (another facilitator's change); look again and retry.",
      { field: "expectedRevision", revision: plan.structureRevision },
    );
}

export async function readStructure(tx: Tx, planId: string): Promise<StructureSection[]> {
  return tx.planSection.findMany({
    where: { planId, ...LIVE_SECTION },
    orderBy: { position: "asc" },
    select: { id: true, key: true, title: true, part: true, level: true },
  });
}

/** Positions 0…n−1 in the new order, and each section's part and level as the change left them. */
async function writeOrder(tx: Tx, sections: StructureSection[]): Promise<void> {
  for (const [position, section] of sections.entries()) {
    await tx.planSection.update({
      where: { id: section.id },
      data: { position, part: section.part, level: section.level },
    });
  }
}

/**
 * Keeps the resolution's text before its annex (main* annex*), the parts
 * following from where sections stand: after an annex section comes annex;
 * before a main section, main; between the two parts (or at the end), a
 * section keeps its part, or takes the one asked for when it is added. The
 * first section is never a sub-heading: it has nothing to sit under.
 */
export function settleParts(
  sections: readonly StructureSection[],
  requested?: { id: string; part?: "main" | "annex" },
): StructureSection[] {
  const settled: StructureSection[] = [];
  sections.forEach((section, index) => {
    const before = settled[index - 1]?.part ?? "main";
    const after = sections[index + 1]?.part;
    const own = (requested?.id === section.id && requested.part) || section.part;
    const part = before === "annex" ? "annex" : after === "main" ? "main" : own;
    settled.push({ ...section, part, level: index === 0 ? 1 : section.level });
  });
  return settled;
}
