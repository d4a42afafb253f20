/**
 * The bell's live feed, as Server-Sent Events: the unread count on connect,
 * and again whenever this process's notification hub says the user has news
 * (a new notification, or one read in another tab). Only the count travels;
 * the bell fetches the list itself, through the same owner-only query.
 *
 * The stream re-checks the user on every count and ends when they are
 * disabled or their sessions were revoked after it opened; it also ends after
 * MAX_AGE_MS so the browser reconnects and the session is checked afresh.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { subscribeToNotifications } from "./notification-hub";

/** A comment line this often keeps proxies from closing an idle stream, and notices a gone client. */
export const HEARTBEAT_MS = 25_000;
const MAX_AGE_MS = 10 * 60_000;
/** How long the browser waits before reconnecting (EventSource's `retry`). */
const RETRY_MS = 3_000;

export async function openNotificationStream({ viewer, signal, heartbeatMs = HEARTBEAT_MS, maxAgeMs = MAX_AGE_MS }: {
  viewer: Pick<CurrentUser, "id">;
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
}): Promise<Response> {
  const openedAt = new Date();
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let isCounting = false;
  let isCountDue = false;

  // Subscribed before the first count, so nothing committed in between is missed.
  const unsubscribe = await subscribeToNotifications({ userId: viewer.id, onNews: () => void pushCount() });
  const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
  const maxAge = setTimeout(close, maxAgeMs);
  signal.addEventListener("abort", close);

  function send(text: string): void {
    if (isClosed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close(); // the client is gone
    }
  }

  function close(): void {
    if (isClosed) return;
    isClosed = true;
    clearInterval(heartbeat);
    clearTimeout(maxAge);
    signal.removeEventListener("abort", close);
    unsubscribe();
    try {
      controller.close();
    } catch {
      // already closed or cancelled
    }
  }

  /** One count at a time; news arriving meanwhile is folded into one more count after it. */
  async function pushCount(): Promise<void> {
    if (isCounting) {
      isCountDue = true;
      return;
    }
    isCounting = true;
    try {
      do {
        isCountDue = false;
        const unread = await countForStream(viewer.id, openedAt);
        if (unread === null) return close();
        send(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
      } while (isCountDue && !isClosed);
    } catch (error) {
      console.error("Notifications: could not count", error);
      close(); // the browser reconnects and starts again
    } finally {
      isCounting = false;
    }
  }

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      send(`retry: ${RETRY_MS}\n\n`);
      void pushCount();
    },
    cancel: close,
  });
  if (signal.aborted) close();
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the compression in `next start` would otherwise buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

/** The unread count, or null when the user may no longer be told (disabled, or signed out everywhere since the stream opened). */
async function countForStream(userId: string, openedAt: Date): Promise<number | null> {
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: { disabledAt: true, sessionsValidAfter: true, _count: { select: { notifications: { where: { readAt: null } } } } },
  });
  if (!user || user.disabledAt || (user.sessionsValidAfter && user.sessionsValidAfter >= openedAt)) return null;
  return user._count.notifications;
}
