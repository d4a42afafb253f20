/**
 * Password resets, issued by an admin. The app sends no email, so an admin
 * creates a one-time link for a user and passes it on; the user opens it and
 * chooses a new password. This is how accounts restored from a backup (which
 * holds no password hashes) become usable again, and how a forgotten
 * password is replaced. The current password keeps working until the link
 * is used; using it ends every session the user had.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, can } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { createOneTimeToken, hashOneTimeToken } from "@/lib/auth/one-time-token";
import { hashPassword } from "@/lib/auth/password";
import { sendCollabNotice } from "@/lib/live/channels";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TResetPassword } from "./schemas";

/** A day: long enough to pass a link on by hand, short enough that a forgotten one soon stops working. */
export const PASSWORD_RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;

const REFUSED = {
  unknown: "This password reset link is not valid.",
  used: "This password reset link has already been used. Sign in, or ask an admin for a new one.",
  expired: "This password reset link has expired. Ask an admin for a new one.",
  withdrawn: "This password reset link is no longer valid. Ask an admin for a new one.",
} as const;
export type ResetRefusal = keyof typeof REFUSED;

export function describeRefusal(refusal: ResetRefusal): string {
  return REFUSED[refusal];
}

/**
 * Creates a reset link for a user (admins only). Any earlier link of the
 * user's that is still unused stops working, so only the newest is live.
 * Returns the token for the link; it is never stored.
 */
export async function createPasswordReset({ actor, userId }: { actor: CurrentUser; userId: string }) {
  authorize(actor, "user.manage");
  const { token, tokenHash } = createOneTimeToken();
  const reset = await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!user) throw new AppError("not_found", "No such user.");
    if (user.disabledAt)
      throw new AppError("conflict", `${user.email} is disabled. Enable the account before resetting its password.`);
    const voided = await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    const created = await tx.passwordReset.create({
      data: { userId, tokenHash, expiresAt: new Date(Date.now() + PASSWORD_RESET_LIFETIME_MS), createdById: actor.id },
      select: { id: true, expiresAt: true },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "user.password-reset.create",
      resourceType: "user",
      resourceId: userId,
      detail: { resetId: created.id, expiresAt: created.expiresAt.toISOString(), earlierLinksVoided: voided.count },
    });
    return { ...created, email: user.email };
  });
  return { reset, token };
}

/** What a reset link leads to (the account's email and name), or why it cannot be used. */
export async function findPasswordReset({ token }: { token: string }) {
  const reset = await getPrisma().passwordReset.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, name: true, disabledAt: true } },
      createdBy: { select: { id: true, role: true, delegationId: true, disabledAt: true } },
    },
  });
  if (!reset) return { status: "unknown" as const };
  if (reset.usedAt) return { status: "used" as const };
  if (reset.expiresAt < new Date()) return { status: "expired" as const };
  if (!isStillHonoured(reset)) return { status: "withdrawn" as const };
  return { status: "open" as const, user: { email: reset.user.email, name: reset.user.name } };
}

/** A link is only as good as its issuer's right to issue it now, and its user's right to sign in. */
function isStillHonoured(reset: { user: { disabledAt: Date | null }; createdBy: Actor }): boolean {
  return !reset.user.disabledAt && can(reset.createdBy, "user.manage");
}

/**
 * Sets the new password. The link is claimed with a conditional update inside
 * the transaction, so it works once even when submitted twice at once; the
 * user's other sessions end (sessionsValidAfter), as after a sign-out.
 */
export async function resetPassword({ input }: { input: TResetPassword }) {
  const tokenHash = hashOneTimeToken(input.token);
  // Refuse junk tokens before paying for a password hash.
  const found = await findPasswordReset({ token: input.token });
  if (found.status === "unknown") throw new AppError("not_found", REFUSED.unknown);
  const passwordHash = await hashPassword(input.password);
  return getPrisma().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        userId: true,
        createdById: true,
        user: { select: { email: true, disabledAt: true } },
        createdBy: { select: { id: true, role: true, delegationId: true, disabledAt: true } },
      },
    });
    if (!reset) throw new AppError("not_found", REFUSED.unknown);
    if (claimed.count === 0) {
      const isUsed = (await tx.passwordReset.count({ where: { tokenHash, usedAt: { not: null } } })) > 0;
      throw isUsed ? new AppError("conflict", REFUSED.used) : new AppError("gone", REFUSED.expired);
    }
    // Thrown, so the claim above rolls back with the rest: nothing is written.
    if (!isStillHonoured(reset)) throw new AppError("gone", REFUSED.withdrawn);
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, sessionsValidAfter: now } });
    await sendCollabNotice(tx, { type: "user-access-changed", userId: reset.userId });
    await appendAudit(tx, {
      userId: reset.userId,
      action: "user.password-reset.use",
      resourceType: "user",
      resourceId: reset.userId,
      detail: { resetId: reset.id, issuedBy: reset.createdById },
    });
    return { email: reset.user.email };
  });
}
