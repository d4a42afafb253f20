/**
 * Removes a dialogue imported by mistake (admins), with its sessions,
 * statements, lists and annex, in one audited transaction. Refused while a
 * plan is drafted from it (that would take the drafting's sources away) or
 * while accounts belong to its delegations (they would lose theirs).
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function deleteDialogue({ actor, dialogueId }: { actor: CurrentUser; dialogueId: string }): Promise<void> {
  authorize(actor, "dialogue.delete");
  await getPrisma().$transaction(async (tx) => {
    // The same lock as an import of this dialogue, so neither runs half-way through the other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${dialogueId}))`;
    const dialogue = await tx.dialogue.findUnique({
      where: { id: dialogueId },
      select: { id: true, title: true, _count: { select: { plans: true } } },
    });
    if (!dialogue) throw new AppError("not_found", "No such dialogue.");
    if (dialogue._count.plans > 0)
      throw new AppError("conflict", "A draft plan is based on this dialogue, so it cannot be removed.");
    const members = await tx.user.findMany({ where: { delegation: { dialogueId } }, select: { email: true }, take: 3 });
    if (members.length > 0) {
      throw new AppError(
        "conflict",
        `Accounts belong to this dialogue's delegations (${members.map((m) => m.email).join(", ")}): move them to another delegation first.`,
      );
    }
    await tx.dialogue.delete({ where: { id: dialogueId } });
    await appendAudit(tx, {
      userId: actor.id,
      action: "dialogue.delete",
      resourceType: "dialogue",
      resourceId: dialogueId,
      detail: { title: dialogue.title },
    });
  });
}
