/**
 * Other delegations co-sponsor a pending amendment, or withdraw their
 * support; the author may withdraw the amendment itself while it is pending.
 * A delegate always signs for their own delegation. All audited.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, can } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertPending, lockAmendment } from "./amendment-access";

type Target = { planId: string; amendmentId: string };

export async function setSponsorship({
  actor,
  target,
  isSponsoring,
}: {
  actor: CurrentUser;
  target: Target;
  isSponsoring: boolean;
}) {
  authorize(actor, "amendment.sponsor", undefined, "Only a delegation can co-sponsor an amendment.");
  const delegationId = actor.delegationId!;
  return getPrisma().$transaction(async (tx) => {
    const amendment = await lockAmendment(tx, target);
    assertPending(amendment);
    // The rule is the policy's; refused as a conflict (409), as it always was: the role may sponsor, this row is the problem.
    if (!can(actor, "amendment.sponsor", amendment))
      throw new AppError("conflict", "Your delegation proposed this amendment.");
    const key = { amendmentId_delegationId: { amendmentId: amendment.id, delegationId } };
    const existing = await tx.amendmentSponsor.findUnique({ where: key });
    if (isSponsoring && !existing)
      await tx.amendmentSponsor.create({ data: { amendmentId: amendment.id, delegationId, userId: actor.id } });
    if (!isSponsoring && existing) await tx.amendmentSponsor.delete({ where: key });
    if (isSponsoring !== Boolean(existing)) {
      await appendAudit(tx, {
        userId: actor.id,
        action: isSponsoring ? "amendment.sponsor" : "amendment.unsponsor",
        resourceType: "amendment",
        resourceId: amendment.id,
        detail: { planId: target.planId, number: amendment.number, delegationId },
      });
      await sendCollabNotice(tx, { type: "amendments-changed", planId: target.planId, sectionId: amendment.sectionId });
    }
    return { amendmentId: amendment.id, isSponsoring };
  });
}

export async function withdrawAmendment({ actor, target }: { actor: CurrentUser; target: Target }) {
  authorize(actor, "amendment.withdraw");
  return getPrisma().$transaction(async (tx) => {
    const amendment = await lockAmendment(tx, target);
    authorize(actor, "amendment.withdraw", amendment, "Only its author may withdraw an amendment.");
    assertPending(amendment);
    const withdrawnAt = new Date();
    await tx.amendment.update({ where: { id: amendment.id }, data: { status: "withdrawn", withdrawnAt } });
    await appendAudit(tx, {
      userId: actor.id,
      action: "amendment.withdraw",
      resourceType: "amendment",
      resourceId: amendment.id,
      detail: { planId: target.planId, number: amendment.number },
    });
    await sendCollabNotice(tx, { type: "amendments-changed", planId: target.planId, sectionId: amendment.sectionId });
    return { amendmentId: amendment.id, status: "withdrawn" as const, withdrawnAt };
  });
}
