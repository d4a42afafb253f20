/**
 * The bell's list: a user's latest notifications and how many are unread.
 * Only ever the viewer's own rows: the owner is part of the `where`, so
 * another user's notification is simply never found.
 */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { TNotificationView } from "./schemas";

/** How many the bell lists; older ones stay in the table (and in the unread count until read). */
export const NOTIFICATION_LIST_LIMIT = 30;

export async function listNotifications({
  viewer,
  limit = NOTIFICATION_LIST_LIMIT,
}: {
  viewer: Actor;
  limit?: number;
}): Promise<{ items: TNotificationView[]; unread: number }> {
  authorize(viewer, "notification.read");
  const prisma = getPrisma();
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { userId: viewer.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, kind: true, title: true, href: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where: { userId: viewer.id, readAt: null } }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    href: row.href,
    createdAt: row.createdAt.toISOString(),
    isRead: row.readAt !== null,
  }));
  return { items, unread };
}
