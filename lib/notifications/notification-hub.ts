/**
 * One LISTEN connection per app process, shared by every notification stream
 * that process serves. notify() sends `pg_notify('gpa_notifications', …)` on
 * commit; PostgreSQL hands it to every listening app instance, and each tells
 * only its own subscribers for the named users. So a user connected to any
 * instance hears about a reply written through any other.
 *
 * The hub lives on globalThis, not in a module variable: Next bundles route
 * handlers separately (and dev reloads re-evaluate modules), and each copy of
 * this module would otherwise open its own connection.
 *
 * Reconnecting: postgres.js LISTENs again by itself after its connection
 * drops, with backoff, until the server is back (checked by terminating the
 * backend and by stopping PostgreSQL for 25 s). Notices sent while it was
 * away are lost, so on every re-LISTEN each subscriber is told to check again.
 */
import postgres from "postgres";
import { AppError } from "@/lib/errors";
import { NOTIFICATIONS_CHANNEL } from "./notify";
import type { NotificationNotice } from "./notify";

type OnNews = () => void;

/** Streams one user may hold open in one process: a browser holds at most 6 per host, so more is a script. */
export const MAX_STREAMS_PER_USER = 20;

type Hub = {
  sql: postgres.Sql;
  /** Per user id, the callbacks of the streams open for them in this process. */
  subscribers: Map<string, Set<OnNews>>;
  /** Settles once the first LISTEN is active; rejects if it could not be set up. */
  listening: Promise<void>;
  hasListened: boolean;
};

const globalForHub = globalThis as typeof globalThis & { gpaNotificationHub?: Hub };

/**
 * Calls `onNews` whenever user `userId` may have new or newly read
 * notifications. Resolves once the process is listening, so nothing committed
 * after it resolves can be missed; returns the unsubscribe function.
 * Throws AppError "unavailable" if PostgreSQL cannot be reached, and
 * "rate_limited" past MAX_STREAMS_PER_USER (each stream costs a count per notice).
 */
export async function subscribeToNotifications({ userId, onNews }: { userId: string; onNews: OnNews }): Promise<() => void> {
  const hub = getHub();
  let listeners = hub.subscribers.get(userId);
  if (!listeners) hub.subscribers.set(userId, (listeners = new Set()));
  if (listeners.size >= MAX_STREAMS_PER_USER) throw new AppError("rate_limited", "Too many live notification streams are open; close some tabs.");
  // A wrapper of its own, so the same callback subscribed twice is two subscriptions.
  const entry: OnNews = () => onNews();
  const own = listeners;
  own.add(entry);
  const unsubscribe = () => {
    own.delete(entry);
    if (own.size === 0 && hub.subscribers.get(userId) === own) hub.subscribers.delete(userId);
  };
  try {
    await hub.listening;
  } catch {
    unsubscribe();
    throw new AppError("unavailable", "Live notifications are unavailable right now; try again shortly.");
  }
  return unsubscribe;
}

/** Closes this process's LISTEN connection, if open (tests, orderly shutdown); the next subscriber opens a new one. */
export async function stopNotificationHub(): Promise<void> {
  const hub = globalForHub.gpaNotificationHub;
  if (!hub) return;
  delete globalForHub.gpaNotificationHub;
  await hub.sql.end({ timeout: 0 });
}

function getHub(): Hub {
  const existing = globalForHub.gpaNotificationHub;
  if (existing) return existing;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set, so notifications cannot be listened for.");
  // max 1 and only listen() ever used: postgres.js gives listen() its own single connection, so this is the one.
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "gpa-notification-hub" } });
  const hub: Hub = { sql, subscribers: new Map(), listening: Promise.resolve(), hasListened: false };
  hub.listening = sql
    .listen(NOTIFICATIONS_CHANNEL, (payload) => deliver(hub, payload), () => onListening(hub))
    .then(() => undefined);
  hub.listening.catch((error: unknown) => {
    // Never listened: drop this hub so the next subscriber starts afresh.
    console.error("Notifications: could not LISTEN", error);
    if (globalForHub.gpaNotificationHub === hub) delete globalForHub.gpaNotificationHub;
    void sql.end({ timeout: 0 });
  });
  globalForHub.gpaNotificationHub = hub;
  return hub;
}

function onListening(hub: Hub): void {
  if (!hub.hasListened) {
    hub.hasListened = true;
    return;
  }
  // Listening again after a drop: whatever was announced meanwhile is lost, so everyone checks.
  for (const listeners of hub.subscribers.values()) callEach(listeners);
}

function deliver(hub: Hub, payload: string): void {
  let notice: Partial<NotificationNotice>;
  try {
    notice = JSON.parse(payload) as Partial<NotificationNotice>;
  } catch {
    return;
  }
  if (!Array.isArray(notice.userIds)) return;
  for (const userId of notice.userIds) {
    const listeners = hub.subscribers.get(userId);
    if (listeners) callEach(listeners);
  }
}

function callEach(listeners: Set<OnNews>): void {
  // A copy: a callback may unsubscribe while we go through them.
  for (const onNews of [...listeners]) {
    try {
      onNews();
    } catch (error) {
      console.error("Notifications: a subscriber failed", error);
    }
  }
}
