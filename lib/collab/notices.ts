/**
 * Notices from the app to every collaboration server, over PostgreSQL
 * LISTEN/NOTIFY. They are sent inside the writer's transaction, so only
 * committed changes are announced, and every instance hears them.
 */
import type { Tx } from "@/lib/db";

export const COLLAB_CHANNEL = "gpa_collab";

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
  /** The stored document was edited on the server (an accepted amendment): live documents merge it in now. */
  | ({ type: "merge-stored" } & Section)
  /** A user's role, delegation, disabled state or sessions changed: their open connections are judged again now. */
  | { type: "user-access-changed"; userId: string };

export async function sendCollabNotice(tx: Tx, notice: CollabNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${COLLAB_CHANNEL}, ${JSON.stringify(notice)})`;
}
