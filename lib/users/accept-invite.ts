import { appendAudit } from "@/lib/audit/append-audit";
import { hashOneTimeToken } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TAcceptInvite } from "./schemas";

/** What an invite link leads to, or why it cannot be used. */
export async function findInvite({ token }: { token: string }) {
  const invite = await getPrisma().invite.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: { email: true, role: true, expiresAt: true, usedAt: true, delegation: { select: { name: true } } },
  });
  if (!invite) return { status: "unknown" as const };
  if (invite.usedAt) return { status: "used" as const };
  if (invite.expiresAt < new Date()) return { status: "expired" as const };
  return { status: "open" as const, invite };
}

/**
 * Creates the invited user with the password they chose. The invite is
 * claimed with a conditional update inside the transaction, so two tabs
 * submitting the same link at once create one account, and the link never
 * works twice.
 */
export async function acceptInvite({ input }: { input: TAcceptInvite }) {
  const tokenHash = hashOneTimeToken(input.token);
  // Refuse junk tokens before paying for a password hash.
  const found = await findInvite({ token: input.token });
  if (found.status === "unknown") throw new AppError("not_found", "This invite link is not valid.");
  const passwordHash = await hashPassword(input.password);
  return getPrisma().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invite.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) {
      const invite = await tx.invite.findUnique({ where: { tokenHash } });
      if (!invite) throw new AppError("not_found", "This invite link is not valid.");
      if (invite.usedAt) throw new AppError("conflict", "This invite link has already been used. Sign in instead.");
      throw new AppError("gone", "This invite link has expired. Ask an admin for a new one.");
    }
    const invite = await tx.invite.findUniqueOrThrow({ where: { tokenHash }, include: { createdBy: true } });
    // An invite is only as good as its sender's right to send it now.
    if (!can(invite.createdBy, "user.manage")) {
      throw new AppError("gone", "This invite link is no longer valid. Ask an admin for a new one.");
    }
    if (await tx.user.findUnique({ where: { email: invite.email } })) {
      throw new AppError("conflict", `${invite.email} already has an account. Sign in instead.`);
    }
    const user = await tx.user.create({
      data: {
        email: invite.email,
        name: input.name,
        passwordHash,
        role: invite.role,
        delegationId: invite.delegationId,
      },
      select: { id: true, email: true, name: true, role: true },
    });
    await appendAudit(tx, {
      userId: user.id,
      action: "invite.accept",
      resourceType: "user",
      resourceId: user.id,
      detail: { inviteId: invite.id, role: invite.role, delegationId: invite.delegationId },
    });
    return user;
  });
}
