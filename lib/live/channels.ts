/**
 * The LISTEN/NOTIFY contract: every channel, and what its notices say.
 * Notices are sent inside the writer's transaction, so only committed
 * changes are announced, and every instance (app or collab) hears them. A
 * payload is never access-checked, so it names what changed, never content.
 *
 *   gpa_collab          → collaboration servers (anchor, push to editors,
 *                         merge, recheck) and the app's plan-activity streams
 *   gpa_notifications   → the app's notification streams (bell badges)
 *   gpa_collab_flushed  → the app instance that asked the collab servers to
 *                         store a plan's live edits now (flush-plan)
 */
import type { Tx } from "@/lib/db";

export const COLLAB_CHANNEL = "gpa_collab";
export const NOTIFICATIONS_CHANNEL = "gpa_notifications";
export const FLUSHED_CHANNEL = "gpa_collab_flushed";

type Section = { planId: string; sectionId: string };
/** Whose thread changed: a facilitators-only thread is not announced to plan-wide pages of other roles, not even as a section. */
export type ThreadVisibility = "everyone" | "facilitators";

export type CollabNotice =
  /** A new thread: one server claims it and marks its quote in the text (and then pushes the section's threads). */
  | ({ type: "anchor-thread"; threadId: string; visibility: ThreadVisibility } & Section)
  /** A section's threads changed: the servers push them to its editors, as each may see them. */
  | ({ type: "threads-changed"; visibility: ThreadVisibility } & Section)
  /** A section's amendments changed: editors fetch them. */
  | ({ type: "amendments-changed" } & Section)
  /** A section's sources changed (confirmed, rejected, removed, cited): the coverage board refreshes. */
  | ({ type: "links-changed" } & Section)
  /** A point of the dialogue was excluded from coverage, or included again (the plan as a whole): the board refreshes. */
  | { type: "coverage-changed"; planId: string }
  /** A paragraph's status was set, or dropped back to pending by an edit: the plan page and the status board refresh. */
  | ({ type: "paragraph-status-changed" } & Section)
  /** The stored document was edited on the server (an accepted amendment): live documents merge it in now. */
  | ({ type: "merge-stored" } & Section)
  /** The plan's sections were added, renamed, moved or removed, or its title changed: open pages render again. */
  | { type: "structure-changed"; planId: string }
  /**
   * The text was locked (put under silence, adopted) or opened again (silence broken, a new round): collaboration
   * servers set their connections' mode and reschedule adoption; open plan pages render again.
   */
  | { type: "text-lock-changed"; planId: string }
  /** A section was removed: collaboration servers stop taking edits to its document. */
  | ({ type: "section-removed" } & Section)
  /** A user's role, delegation, disabled state or sessions changed: their open connections are judged again now. */
  | { type: "user-access-changed"; userId: string }
  /** Store the plan's live edits now (a revision is about to freeze its text); answered on FLUSHED_CHANNEL. */
  | { type: "flush-plan"; planId: string; requestId: string };

/** A collab server's answer to flush-plan: the plan's edits it held are stored. */
export type FlushedNotice = { requestId: string; server: string; documents: number };

export async function sendCollabNotice(tx: Tx, notice: CollabNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${COLLAB_CHANNEL}, ${JSON.stringify(notice)})`;
}

/** Many notices in one statement (e.g. every section a revision touched); each still arrives as its own. */
export async function sendCollabNotices(tx: Tx, notices: readonly CollabNotice[]): Promise<void> {
  if (!notices.length) return;
  const payloads = notices.map((notice) => JSON.stringify(notice));
  await tx.$executeRaw`SELECT pg_notify(${COLLAB_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`;
}

/** A notifications notice: only who has news, never what it is. */
export type NotificationNotice = { userIds: string[] };

export async function sendNotificationNotice(tx: Tx, notice: NotificationNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${JSON.stringify(notice)})`;
}
