/**
 * Who sees which concerns. A concern raised in a facilitators-only thread is
 * as hidden as the thread: for delegates and observers it is not in any list
 * and "not found" on every route, so its existence does not leak either.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { seesFacilitatorThreads } from "@/lib/comments/thread-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A Prisma `where` for the concerns `viewer` may see: the rest are simply not found. */
export function visibleConcernsWhere(viewer: Pick<CurrentUser, "role">): Prisma.ConcernWhereInput {
  if (seesFacilitatorThreads(viewer)) return {};
  return { OR: [{ origin: "dialogue" }, { thread: { visibility: "everyone" } }] };
}

/** The concern, if this user may see it; otherwise a 404. Locks the row, so of two racing decisions one waits for the other. */
export async function findConcernForUpdate(tx: Tx, viewer: Pick<CurrentUser, "role">, { planId, concernId }: { planId: string; concernId: string }) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Concern" WHERE "id" = ${concernId} AND "planId" = ${planId} FOR UPDATE`;
  const concern = rows.length
    ? await tx.concern.findFirst({
        where: { id: concernId, ...visibleConcernsWhere(viewer) },
        include: { thread: { select: { visibility: true } }, summaryItem: { select: { id: true, key: true } } },
      })
    : null;
  if (!concern) throw new AppError("not_found", "No such concern in this plan.");
  return concern;
}
