/**
 * The bell's live feed, as Server-Sent Events: the unread count on connect,
 * and again whenever this process's live hub says the user has news (a new
 * notification, or one read in another tab). Only the count travels; the
 * bell fetches the list itself, through the same owner-only query.
 *
 * The stream re-checks the user on every count and ends when they are
 * disabled or their sessions were revoked after it opened; it also ends after
 * a while so the browser reconnects and the session is checked afresh.
 */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { createEventStream } from "@/lib/live/event-stream";
import type { EventStream } from "@/lib/live/event-stream";
import { subscribeToNotifications } from "@/lib/live/live-hub";
import { isStillSignedIn } from "@/lib/live/still-signed-in";

export async function openNotificationStream({
  viewer,
  signal,
  heartbeatMs,
  maxAgeMs,
}: {
  viewer: Actor;
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
}): Promise<Response> {
  authorize(viewer, "notification.read");
  const openedAt = new Date();
  let stream: EventStream | null = null;
  let isCounting = false;
  let isCountDue = false;

  /** One count at a time; news arriving meanwhile is folded into one more count after it. */
  async function pushCount(): Promise<void> {
    if (!stream) return;
    if (isCounting) {
      isCountDue = true;
      return;
    }
    isCounting = true;
    try {
      do {
        isCountDue = false;
        const unread = await countForStream(viewer.id, openedAt);
        if (unread === null) return stream.close();
        stream.send("unread", { unread });
      } while (isCountDue && !stream.isClosed());
    } catch (error) {
      console.error("Notifications: could not count", error);
      stream.close(); // the browser reconnects and starts again
    } finally {
      isCounting = false;
    }
  }

  // Subscribed before the first count, so nothing committed in between is missed.
  const unsubscribe = await subscribeToNotifications({ userId: viewer.id, onNews: () => void pushCount() });
  stream = createEventStream({ signal, heartbeatMs, maxAgeMs, onClose: unsubscribe, onStart: () => void pushCount() });
  return stream.response;
}

/** The unread count, or null when the user may no longer be told (disabled, or signed out everywhere since the stream opened). */
async function countForStream(userId: string, openedAt: Date): Promise<number | null> {
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: {
      disabledAt: true,
      sessionsValidAfter: true,
      _count: { select: { notifications: { where: { readAt: null } } } },
    },
  });
  return user && isStillSignedIn(user, openedAt) ? user._count.notifications : null;
}
