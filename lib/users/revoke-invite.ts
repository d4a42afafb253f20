import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An admin takes back an open invite: its link stops working at once. */
export async function revokeInvite({ actor, inviteId }: { actor: CurrentUser; inviteId: string }) {
  authorize(actor, "user.manage");
  return getPrisma().$transaction(async (tx) => {
    const now = new Date();
    // Only an open invite can be revoked; the condition also settles a race with its acceptance.
    const revoked = await tx.invite.updateMany({
      where: { id: inviteId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    if (revoked.count === 0) {
      const invite = await tx.invite.findUnique({ where: { id: inviteId } });
      if (!invite) throw new AppError("not_found", "No such invite.");
      throw new AppError(
        "conflict",
        invite.usedAt ? "This invite has already been used." : "This invite has already expired.",
      );
    }
    await appendAudit(tx, { userId: actor.id, action: "invite.revoke", resourceType: "invite", resourceId: inviteId });
  });
}
