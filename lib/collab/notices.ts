/**
 * Notices from the app to every collaboration server, over PostgreSQL
 * LISTEN/NOTIFY. They are sent inside the writer's transaction, so only
 * committed changes are announced, and every instance hears them.
 */
import type { Tx } from "@/lib/db";

export const COLLAB_CHANNEL = "gpa_collab";

type Section = { planId: string; sectionId: string };

export type CollabNotice =
  /** A new thread: one server claims it and marks its quote in the text (and then pushes the section's threads). */
  | ({ type: "anchor-thread"; threadId: string } & Section)
  /** A section's threads changed (the servers push them to its editors) or its amendments did (editors fetch them). */
  | ({ type: "threads-changed" | "amendments-changed" } & Section)
  /** The stored document was edited on the server (an accepted amendment): live documents merge it in now. */
  | ({ type: "merge-stored" } & Section);

export async function sendCollabNotice(tx: Tx, notice: CollabNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${COLLAB_CHANNEL}, ${JSON.stringify(notice)})`;
}
