import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TUpdateUser } from "./schemas";

/** An admin changes a user's role or delegation, or disables or enables them. */
export async function updateUser({ actor, userId, input }: { actor: CurrentUser; userId: string; input: TUpdateUser }) {
  authorize(actor, "user.manage");
  if (userId === actor.id && (input.disabled || (input.role && input.role !== "admin"))) {
    // Otherwise the last admin could lock everyone out of user management.
    throw new AppError("invalid", "You cannot disable yourself or give up your own admin role.", {
      field: input.disabled ? "disabled" : "role",
    });
  }
  return getPrisma().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("not_found", "No such user.");
    const role = input.role ?? before.role;
    const delegationId =
      role === "delegate" ? (input.delegationId !== undefined ? input.delegationId : before.delegationId) : null;
    if (role === "delegate" && !delegationId) {
      throw new AppError("invalid", "A delegate must belong to a delegation.", { field: "delegationId" });
    }
    if (delegationId && !(await tx.delegation.findUnique({ where: { id: delegationId } }))) {
      throw new AppError("invalid", "No such delegation.", { field: "delegationId" });
    }
    const disabledAt =
      input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const after = await tx.user.update({
      where: { id: userId },
      // Disabling ends the user's sessions for good: enabling again later does not revive old cookies.
      data: { role, delegationId, disabledAt, ...(input.disabled ? { sessionsValidAfter: new Date() } : {}) },
      select: { id: true, email: true, name: true, role: true, delegationId: true, disabledAt: true },
    });
    if (input.disabled || (input.role && input.role !== "admin")) {
      // Links this user sent as an admin must not outlive their right to send them.
      await tx.invite.updateMany({
        where: { createdById: userId, usedAt: null, expiresAt: { gt: new Date() } },
        data: { expiresAt: new Date() },
      });
    }
    // Their open collaboration sockets are judged again now, not at the next periodic recheck.
    await sendCollabNotice(tx, { type: "user-access-changed", userId });
    await appendAudit(tx, {
      userId: actor.id,
      action: input.disabled === undefined ? "user.update" : input.disabled ? "user.disable" : "user.enable",
      resourceType: "user",
      resourceId: userId,
      detail: {
        before: { role: before.role, delegationId: before.delegationId, disabled: Boolean(before.disabledAt) },
        after: { role: after.role, delegationId: after.delegationId, disabled: Boolean(after.disabledAt) },
      },
    });
    return after;
  });
}
