/**
 * Who sees which concerns. A concern raised in a facilitators-only thread is
 * as hidden as the thread: for delegates and observers it is not in any list
 * and "not found" on every route, so its existence does not leak either.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { concernsVisibleWhere } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The concern, if this user may see it; otherwise a 404. Locks the row, so of two racing decisions one waits for the other. */
export async function findConcernForUpdate(
  tx: Tx,
  viewer: Pick<CurrentUser, "role">,
  { planId, concernId }: { planId: string; concernId: string },
) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Concern" WHERE "id" = ${concernId} AND "planId" = ${planId} FOR UPDATE`;
  const concern = rows.length
    ? await tx.concern.findFirst({
        where: { id: concernId, ...concernsVisibleWhere(viewer) },
        include: { thread: { select: { visibility: true } }, summaryItem: { select: { id: true, key: true } } },
      })
    : null;
  if (!concern) throw new AppError("not_found", "No such concern in this plan.");
  return concern;
}
