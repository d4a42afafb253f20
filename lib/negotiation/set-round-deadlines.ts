/**
 * A facilitator sets, extends or removes the current round's comment and
 * amendment deadlines. The implicit round 1 (no row while no revision has
 * been issued) gets its row here. Audited with each deadline's old and new
 * value. A deadline set must lie ahead; removing one is always allowed.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertFutureDeadlines } from "./issue-revision";
import { readCurrentRound } from "./negotiation-state";
import type { TSetDeadlines } from "./schemas";

export async function setRoundDeadlines({
  actor,
  planId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  planId: string;
  input: TSetDeadlines;
  now?: Date;
}) {
  authorize(actor, "negotiation.manage");
  assertFutureDeadlines(input, now);
  return getPrisma().$transaction(async (tx) => {
    // The same lock as issuing a revision: the deadlines go to the round that is current when they are written.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rounds:${planId}`}))`;
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { id: true } });
    if (!plan) throw new AppError("not_found", "No such plan.");
    const before = await readCurrentRound(tx, planId);
    const changes = {
      ...(input.commentDeadline !== undefined ? { commentDeadline: input.commentDeadline } : {}),
      ...(input.amendmentDeadline !== undefined ? { amendmentDeadline: input.amendmentDeadline } : {}),
    };
    const select = { id: true, number: true, revision: true, commentDeadline: true, amendmentDeadline: true };
    const round = before.id
      ? await tx.negotiationRound.update({ where: { id: before.id }, data: changes, select })
      : await tx.negotiationRound.create({
          data: { planId, number: before.number, revision: before.revision, openedById: actor.id, ...changes },
          select,
        });
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    await appendAudit(tx, {
      userId: actor.id,
      action: "negotiation.set_deadlines",
      resourceType: "negotiation_round",
      resourceId: round.id,
      detail: {
        planId,
        round: round.number,
        commentDeadline: { from: iso(before.commentDeadline), to: iso(round.commentDeadline) },
        amendmentDeadline: { from: iso(before.amendmentDeadline), to: iso(round.amendmentDeadline) },
      },
    });
    return round;
  });
}
