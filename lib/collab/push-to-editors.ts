/**
 * What the collaboration server passes on to a section's open pages, on this
 * instance: its threads (as each connection's user may see them), that its
 * amendments changed, and edits stored on the server, merged into the live
 * document. Every instance does it for its own connections, so every page
 * hears it, whichever server it is connected to.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { threadAbilitiesKey, threadsVisibleWhere } from "@/lib/auth/policies";
import { loadVisibleThreads, withThreadAbilities } from "@/lib/comments/list-threads";
import { getPrisma } from "@/lib/db";
import { STORED_STATE_ORIGIN } from "@/lib/plan/section-document";
import type { CollabAccess } from "./authenticate";
import { sectionDocumentName } from "./document-name";
import { writeSectionNotice } from "./section-notice";

/** What editors hear when a section's amendments change: only that they did, so they fetch them again. */
export const AMENDMENTS_CHANGED = writeSectionNotice({ type: "amendments-changed" });
/** A bare "threads-changed", without the threads: editors fetch them over HTTP (when the list is too big to push). */
export const THREADS_CHANGED = writeSectionNotice({ type: "threads-changed", threads: null });
/** Above this, the threads are not pushed: a socket message should stay small, and the page can fetch them. */
const MAX_PUSHED_THREADS_BYTES = 256 * 1024;

/** Tells the editors of a section, on this instance, to fetch its amendments again. */
export function announceToEditors(
  hocuspocus: Hocuspocus,
  section: { planId: string; sectionId: string },
  message: string,
): void {
  hocuspocus.documents.get(sectionDocumentName(section))?.broadcastStateless(message);
}

/**
 * Sends every editor of the section, on this instance, the section's threads
 * as that editor may see them. A bare notice used to make every open page
 * fetch the threads again: with a room of 200 watching, 200 requests for
 * each comment, which no app server keeps up with. Now the list is loaded
 * once per visibility class (at most two queries, however many watch) and
 * pushed. Facilitators-only threads go only to connections whose user may
 * see them; access was checked when the connection opened and is re-checked
 * periodically (recheck-connections.ts).
 * Each thread carries what the viewer may do to it, which depends on more
 * than the visibility class (a delegation resolves its own threads): the
 * loaded list is decorated and serialized once per threadAbilitiesKey (role
 * and delegation), so at most one message per delegation present, never one
 * per connection, and never one viewer's abilities sent to another.
 */
export async function pushThreadsToEditors(
  hocuspocus: Hocuspocus,
  section: { planId: string; sectionId: string },
): Promise<void> {
  const document = hocuspocus.documents.get(sectionDocumentName(section));
  if (!document) return;
  const lists = new Map<string, ReturnType<typeof loadVisibleThreads>>();
  const messages = new Map<string, Promise<string>>();
  const listFor = (viewer: CollabAccess["user"]) => {
    const key = JSON.stringify(threadsVisibleWhere(viewer));
    if (!lists.has(key))
      lists.set(key, loadVisibleThreads({ viewer, planId: section.planId, filter: { sectionId: section.sectionId } }));
    return lists.get(key)!;
  };
  const messageFor = (viewer: CollabAccess["user"]) => {
    const key = threadAbilitiesKey(viewer);
    let message = messages.get(key);
    if (!message) {
      message = listFor(viewer).then((threads) => {
        const pushed = writeSectionNotice({ type: "threads-changed", threads: withThreadAbilities(viewer, threads) });
        return pushed.length <= MAX_PUSHED_THREADS_BYTES ? pushed : THREADS_CHANGED;
      });
      messages.set(key, message);
    }
    return message;
  };
  for (const connection of document.getConnections()) {
    const access = connection.context as Partial<CollabAccess> | undefined;
    if (access?.user) connection.sendStateless(await messageFor(access.user));
  }
}

/**
 * Merges the stored state into the live document, if this instance has it
 * open, through a direct connection so every editor gets the change at once.
 * Yjs merges are idempotent, so instances that share the document through
 * Redis may all do it.
 */
export async function mergeStoredState(
  hocuspocus: Hocuspocus,
  section: { planId: string; sectionId: string },
): Promise<boolean> {
  const name = sectionDocumentName(section);
  if (!hocuspocus.documents.has(name)) return false;
  const stored = await getPrisma().planSection.findUnique({ where: { id: section.sectionId }, select: { ydoc: true } });
  if (!stored?.ydoc) return false;
  const connection = await hocuspocus.openDirectConnection(name, { system: "merge-stored" });
  try {
    await connection.transact((doc) => Y.applyUpdate(doc, new Uint8Array(stored.ydoc!), STORED_STATE_ORIGIN));
  } finally {
    await connection.disconnect();
  }
  return true;
}
