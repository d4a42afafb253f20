/**
 * Loading an amendment for a write: locked, so two decisions (or a decision
 * and a withdrawal) on the same amendment run one after the other.
 */
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function lockAmendment(tx: Tx, { planId, amendmentId }: { planId: string; amendmentId: string }) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Amendment" WHERE "id" = ${amendmentId} AND "planId" = ${planId} FOR UPDATE`;
  if (!rows.length) throw new AppError("not_found", "No such amendment in this plan.");
  return tx.amendment.findUniqueOrThrow({
    where: { id: amendmentId },
    include: { delegation: { select: { id: true, name: true } }, sponsors: { select: { delegationId: true } } },
  });
}

export function assertPending(amendment: { status: string; number: number }): void {
  if (amendment.status !== "pending")
    throw new AppError("conflict", `Amendment ${amendment.number} is already ${amendment.status}.`);
}
