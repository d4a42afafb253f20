/**
 * One LISTEN connection per app process, shared by every live stream that
 * process serves. It hears two channels:
 *   - `gpa_notifications` (lib/notifications/notify.ts): which users have new
 *     or newly read notifications, for the bell;
 *   - `gpa_collab` (lib/collab/notices.ts): which plan section has a new
 *     thread, or changed threads or amendments, for the plan-wide comments
 *     and amendments pages.
 * The writers send them inside their transactions, so only committed changes
 * are announced; PostgreSQL hands them to every listening app instance, and
 * each tells only its own subscribers. So a user connected to any instance
 * hears about a reply written through any other.
 *
 * A notice says only who or what has news, never what it is: a payload is
 * not access-checked, so each stream's reader fetches the news itself
 * through the usual checked routes.
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
import { COLLAB_CHANNEL, NOTIFICATIONS_CHANNEL } from "./channels";
import type { CollabNotice, ThreadVisibility } from "@/lib/live/channels";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { NotificationNotice } from "./channels";

/** What changed on a plan: a section's comment threads (whose visibility it gives), its amendments, or its sources. */
export type PlanActivity =
  | { kind: "threads"; sectionId: string; visibility: ThreadVisibility }
  | { kind: "amendments"; sectionId: string }
  /** sectionId null: the plan as a whole (an exclusion from coverage). */
  | { kind: "links"; sectionId: string | null }
  /** A paragraph's status changed (set by a facilitator, or dropped to pending by an edit). */
  | { kind: "status"; sectionId: string }
  /** The sections were added, renamed, moved or removed, or the plan retitled. */
  | { kind: "structure"; sectionId: null };
/** Called with the plan activity for a plan subscription; with nothing for the bell, or to say "check again". */
type OnNews = (activity?: PlanActivity) => void;

/** Streams one user may hold open in one process: a browser holds at most 6 per host, so more is a script. */
export const MAX_STREAMS_PER_USER = 20;

type Hub = {
  sql: postgres.Sql;
  /** Per topic ("user:<id>" or "plan:<id>"), the callbacks of the streams open for it in this process. */
  subscribers: Map<string, Set<OnNews>>;
  /** Per user, how many streams they hold open in this process, whatever their topic. */
  streamsPerUser: Map<string, number>;
  /** Settles once every channel is LISTENed to; rejects if one could not be. */
  listening: Promise<void>;
  /** Channels whose first LISTEN is done: a later one is a reconnection. */
  listened: Set<string>;
  /** Channels LISTENed to again since the connection dropped: when all are, subscribers check again, once. */
  relistened: Set<string>;
};

const CHANNELS = [NOTIFICATIONS_CHANNEL, COLLAB_CHANNEL];

const globalForHub = globalThis as typeof globalThis & { gpaLiveHub?: Hub };

/**
 * Calls `onNews` whenever user `userId` may have new or newly read
 * notifications. Resolves once the process is listening, so nothing committed
 * after it resolves can be missed; returns the unsubscribe function.
 * Throws AppError "unavailable" if PostgreSQL cannot be reached, and
 * "rate_limited" past MAX_STREAMS_PER_USER (each stream costs a count per notice).
 */
export function subscribeToNotifications({
  userId,
  onNews,
}: {
  userId: string;
  onNews: () => void;
}): Promise<() => void> {
  return subscribe({ topic: `user:${userId}`, userId, onNews: () => onNews() });
}

/**
 * Calls `onNews` with what changed whenever a section of plan `planId` has
 * new, edited or resolved threads or amendments, and with nothing when the
 * hub may have missed some (it reconnected). `viewerId` counts towards that
 * user's MAX_STREAMS_PER_USER. Same guarantees and errors as above.
 */
export function subscribeToPlanActivity({
  planId,
  viewerId,
  onNews,
}: {
  planId: string;
  viewerId: string;
  onNews: OnNews;
}): Promise<() => void> {
  return subscribe({ topic: `plan:${planId}`, userId: viewerId, onNews });
}

async function subscribe({
  topic,
  userId,
  onNews,
}: {
  topic: string;
  userId: string;
  onNews: OnNews;
}): Promise<() => void> {
  const hub = getHub();
  const held = hub.streamsPerUser.get(userId) ?? 0;
  if (held >= MAX_STREAMS_PER_USER)
    throw new AppError("rate_limited", "Too many live streams are open; close some tabs.");
  hub.streamsPerUser.set(userId, held + 1);
  let listeners = hub.subscribers.get(topic);
  if (!listeners) hub.subscribers.set(topic, (listeners = new Set()));
  // A wrapper of its own, so the same callback subscribed twice is two subscriptions.
  const entry: OnNews = (activity) => onNews(activity);
  const own = listeners;
  own.add(entry);
  let isSubscribed = true;
  const unsubscribe = () => {
    if (!isSubscribed) return;
    isSubscribed = false;
    own.delete(entry);
    if (own.size === 0 && hub.subscribers.get(topic) === own) hub.subscribers.delete(topic);
    const left = (hub.streamsPerUser.get(userId) ?? 1) - 1;
    if (left > 0) hub.streamsPerUser.set(userId, left);
    else hub.streamsPerUser.delete(userId);
  };
  try {
    await hub.listening;
  } catch {
    unsubscribe();
    throw new AppError("unavailable", "Live updates are unavailable right now; try again shortly.");
  }
  return unsubscribe;
}

/** Closes this process's LISTEN connection, if open (tests, orderly shutdown); the next subscriber opens a new one. */
export async function stopLiveHub(): Promise<void> {
  const hub = globalForHub.gpaLiveHub;
  if (!hub) return;
  delete globalForHub.gpaLiveHub;
  await hub.sql.end({ timeout: 0 });
}

function getHub(): Hub {
  const existing = globalForHub.gpaLiveHub;
  if (existing) return existing;
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set, so live updates cannot be listened for.");
  // max 1 and only listen() ever used: postgres.js gives every listen() one shared connection of its own, so this is the one.
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "gpa-live-hub" } });
  const hub: Hub = {
    sql,
    subscribers: new Map(),
    streamsPerUser: new Map(),
    listening: Promise.resolve(),
    listened: new Set(),
    relistened: new Set(),
  };
  const listen = (channel: string, deliver: (payload: string) => void) =>
    sql.listen(
      channel,
      (payload) => deliver(payload),
      () => onListening(hub, channel),
    );
  hub.listening = Promise.all([
    listen(NOTIFICATIONS_CHANNEL, (payload) => deliverNotification(hub, payload)),
    listen(COLLAB_CHANNEL, (payload) => deliverPlanActivity(hub, payload)),
  ]).then(() => undefined);
  hub.listening.catch((error: unknown) => {
    // Never listened: drop this hub so the next subscriber starts afresh.
    console.error("Live updates: could not LISTEN", error);
    if (globalForHub.gpaLiveHub === hub) delete globalForHub.gpaLiveHub;
    void sql.end({ timeout: 0 });
  });
  globalForHub.gpaLiveHub = hub;
  return hub;
}

function onListening(hub: Hub, channel: string): void {
  if (!hub.listened.has(channel)) {
    hub.listened.add(channel);
    return;
  }
  // Listening again after a drop (postgres.js LISTENs to each channel again on its new connection):
  // whatever was announced meanwhile is lost, so once all are back, everyone checks.
  hub.relistened.add(channel);
  if (hub.relistened.size < CHANNELS.length) return;
  hub.relistened.clear();
  for (const listeners of hub.subscribers.values()) callEach(listeners);
}

function deliverNotification(hub: Hub, payload: string): void {
  const notice = parseNotice<NotificationNotice>(payload);
  if (!Array.isArray(notice?.userIds)) return;
  for (const userId of notice.userIds) {
    const listeners = hub.subscribers.get(`user:${userId}`);
    if (listeners) callEach(listeners);
  }
}

function deliverPlanActivity(hub: Hub, payload: string): void {
  const activity = toPlanActivity(parseNotice<CollabNotice>(payload));
  const listeners = activity && hub.subscribers.get(`plan:${activity.planId}`);
  if (listeners) callEach(listeners, activity.change);
}

function toPlanActivity(notice: Partial<CollabNotice> | null): { planId: string; change: PlanActivity } | null {
  if (notice?.type === "coverage-changed" && notice.planId)
    return { planId: notice.planId, change: { kind: "links", sectionId: null } };
  // Under silence or adopted, the plan page shows the banner and a read-only editor: it renders again, like a structure change.
  if ((notice?.type === "structure-changed" || notice?.type === "text-lock-changed") && notice.planId)
    return { planId: notice.planId, change: { kind: "structure", sectionId: null } };
  if (!notice || !("planId" in notice) || !notice.planId || !("sectionId" in notice) || !notice.sectionId) return null;
  const { planId, sectionId } = notice;
  if (notice.type === "amendments-changed") return { planId, change: { kind: "amendments", sectionId } };
  if (notice.type === "links-changed") return { planId, change: { kind: "links", sectionId } };
  if (notice.type === "paragraph-status-changed") return { planId, change: { kind: "status", sectionId } };
  if (notice.type === "threads-changed" || notice.type === "anchor-thread") {
    // A notice without a visibility (sent by an older instance) is treated as the more private kind.
    return {
      planId,
      change: {
        kind: "threads",
        sectionId,
        visibility: notice.visibility === "everyone" ? "everyone" : "facilitators",
      },
    };
  }
  return null;
}

function parseNotice<T>(payload: string): Partial<T> | null {
  try {
    return JSON.parse(payload) as Partial<T>;
  } catch {
    return null;
  }
}

function callEach(listeners: Set<OnNews>, activity?: PlanActivity): void {
  // A copy: a callback may unsubscribe while we go through them.
  for (const onNews of [...listeners]) {
    try {
      onNews(activity);
    } catch (error) {
      console.error("Live updates: a subscriber failed", error);
    }
  }
}
