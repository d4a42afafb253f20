import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { createOneTimeToken } from "@/lib/auth/one-time-token";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCreateInvite } from "./schemas";
import { ROSTER_MEMBER } from "@/lib/dialogue/roster-scope";

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * An admin invites someone by email with a role (and a delegation for a
 * delegate). Returns the one-time token for the link; it is never stored.
 */
export async function createInvite({ actor, input }: { actor: CurrentUser; input: TCreateInvite }) {
  authorize(actor, "user.manage");
  const { token, tokenHash } = createOneTimeToken();
  const delegationId = input.role === "delegate" ? input.delegationId! : null;
  const invite = await getPrisma().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new AppError("conflict", `${input.email} already has an account.`, { field: "email" });
    }
    // A legacy "other" delegation (a UN body an older import took for one) takes no new members.
    if (delegationId && !(await tx.delegation.findFirst({ where: { id: delegationId, ...ROSTER_MEMBER } }))) {
      throw new AppError("invalid", "No such delegation.", { field: "delegationId" });
    }
    const created = await tx.invite.create({
      data: {
        email: input.email,
        role: input.role,
        delegationId,
        tokenHash,
        expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
        createdById: actor.id,
      },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "invite.create",
      resourceType: "invite",
      resourceId: created.id,
      detail: { email: input.email, role: input.role, delegationId },
    });
    return created;
  });
  return { invite, token };
}
