/** How many of the viewer's notifications are unread: the bell's badge. */
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";

export async function countUnreadNotifications({ viewer }: { viewer: Pick<CurrentUser, "id"> }): Promise<number> {
  return getPrisma().notification.count({ where: { userId: viewer.id, readAt: null } });
}
