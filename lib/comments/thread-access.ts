/**
 * Who may see and act on a thread. Facilitators-only threads exist only for
 * facilitators and admins: for everyone else they are "not found", on every
 * route, so their existence does not leak either.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

type ThreadRef = { visibility: "everyone" | "facilitators"; delegationId: string | null };

export function seesFacilitatorThreads(user: Pick<CurrentUser, "role">): boolean {
  return user.role === "facilitator" || user.role === "admin";
}

export function canSeeThread(user: Pick<CurrentUser, "role">, thread: ThreadRef): boolean {
  return thread.visibility === "everyone" || seesFacilitatorThreads(user);
}

/** Resolving and reopening: facilitators, and the delegation that opened the thread. */
export function canSetThreadStatus(user: Pick<CurrentUser, "role" | "delegationId">, thread: ThreadRef): boolean {
  if (seesFacilitatorThreads(user)) return true;
  return user.role === "delegate" && thread.delegationId !== null && thread.delegationId === user.delegationId;
}

/** The thread, if this user may see it; otherwise a 404. Locks the row for the write that follows. */
export async function findVisibleThread(tx: Tx, user: CurrentUser, { planId, threadId }: { planId: string; threadId: string }) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "CommentThread" WHERE "id" = ${threadId} AND "planId" = ${planId} FOR UPDATE`;
  const thread = rows.length ? await tx.commentThread.findUnique({ where: { id: threadId } }) : null;
  if (!thread || !canSeeThread(user, thread)) throw new AppError("not_found", "No such comment thread in this plan.");
  return thread;
}
