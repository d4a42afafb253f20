/**
 * Marks the viewer's notifications read: the given ids, or all of them.
 * Ids of other users' notifications match nothing (the owner is part of the
 * `where`), so they are neither changed nor revealed to exist.
 */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { sendNotificationNotice } from "@/lib/live/channels";
import type { TMarkRead } from "./schemas";

export async function markNotificationsRead({
  viewer,
  input,
  now = new Date(),
}: {
  viewer: Actor;
  input: TMarkRead;
  now?: Date;
}): Promise<{ marked: number; unread: number }> {
  authorize(viewer, "notification.read");
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: viewer.id, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
      data: { readAt: now },
    });
    const unread = await tx.notification.count({ where: { userId: viewer.id, readAt: null } });
    if (count > 0) {
      // The user's other tabs (served by any app instance) update their badge too.
      await sendNotificationNotice(tx, { userIds: [viewer.id] });
    }
    return { marked: count, unread };
  });
}
