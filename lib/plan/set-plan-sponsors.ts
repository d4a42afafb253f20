/**
 * A facilitator sets the draft's sponsors: the delegations named above its
 * title ("Portugal and Cabo Verde: draft resolution"). Any member of the
 * plan's roster may sponsor, not only those in the dialogue's annex.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/policies";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listPlanSponsors } from "./list-plan-sponsors";
import type { PlanSponsor } from "./list-plan-sponsors";
import type { TSetSponsors } from "./sponsor-schemas";
import { ROSTER_MEMBER } from "@/lib/dialogue/roster-scope";

export async function setPlanSponsors({
  actor,
  planId,
  input,
}: {
  actor: Actor;
  planId: string;
  input: TSetSponsors;
}): Promise<{ sponsors: PlanSponsor[] }> {
  authorize(actor, "plan.sponsor");
  return getPrisma().$transaction(async (tx) => {
    // Two facilitators saving at once: the second waits and writes its whole list after the first.
    const [plan] = await tx.$queryRaw<{ dialogueId: string }[]>`
      SELECT "dialogueId" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
    if (!plan) throw new AppError("not_found", "No such plan.");
    const { delegationIds } = input;
    const known = await tx.delegation.findMany({
      where: { id: { in: delegationIds }, dialogueId: plan.dialogueId, ...ROSTER_MEMBER },
      select: { id: true },
    });
    const unknown = delegationIds.filter((id) => !known.some((d) => d.id === id));
    if (unknown.length) {
      throw new AppError("invalid", `delegationIds: no delegation ${unknown[0]} on this plan's roster.`, {
        field: "delegationIds",
      });
    }
    const before = await listPlanSponsors({ planId, db: tx });
    await tx.planSponsor.deleteMany({ where: { planId } });
    await tx.planSponsor.createMany({
      data: delegationIds.map((delegationId, position) => ({ planId, delegationId, position })),
    });
    const sponsors = await listPlanSponsors({ planId, db: tx });
    const beforeIds = new Set(before.map((s) => s.id));
    await appendAudit(tx, {
      userId: actor.id,
      action: "plan.sponsors",
      resourceType: "plan",
      resourceId: planId,
      detail: {
        added: sponsors.filter((s) => !beforeIds.has(s.id)).map((s) => s.name),
        removed: before.filter((s) => !delegationIds.includes(s.id)).map((s) => s.name),
        sponsors: sponsors.map((s) => s.name),
      },
    });
    return { sponsors };
  });
}
