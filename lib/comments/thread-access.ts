/**
 * Loading a thread for a write. Facilitators-only threads exist only for
 * those who may see them (lib/auth/policies.ts): for everyone else they are
 * "not found", on every route, so their existence does not leak either.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { threadsVisibleWhere } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The thread, if this user may see it; otherwise a 404, as for a thread that is not there. Locks the row for the write that follows. */
export async function findVisibleThread(
  tx: Tx,
  user: CurrentUser,
  { planId, threadId }: { planId: string; threadId: string },
) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "CommentThread" WHERE "id" = ${threadId} AND "planId" = ${planId} FOR UPDATE`;
  const thread = rows.length
    ? await tx.commentThread.findFirst({ where: { id: threadId, ...threadsVisibleWhere(user) } })
    : null;
  if (!thread) throw new AppError("not_found", "No such comment thread in this plan.");
  return thread;
}
