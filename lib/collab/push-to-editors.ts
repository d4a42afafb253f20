/**
 * What the collaboration server passes on to a section's open pages, on this
 * instance: its threads (as each connection's user may see them), that its
 * amendments changed, and edits stored on the server, merged into the live
 * document. Every instance does it for its own connections, so every page
 * hears it, whichever server it is connected to.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { listThreads } from "@/lib/comments/list-threads";
import { seesFacilitatorThreads } from "@/lib/comments/thread-access";
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
export function announceToEditors(hocuspocus: Hocuspocus, section: { planId: string; sectionId: string }, message: string): void {
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
 */
export async function pushThreadsToEditors(hocuspocus: Hocuspocus, section: { planId: string; sectionId: string }): Promise<void> {
  const document = hocuspocus.documents.get(sectionDocumentName(section));
  if (!document) return;
  const messages = new Map<boolean, Promise<string>>();
  const messageFor = (viewer: CollabAccess["user"]) => {
    const withFacilitatorThreads = seesFacilitatorThreads(viewer);
    let message = messages.get(withFacilitatorThreads);
    if (!message) {
      message = listThreads({ viewer, planId: section.planId, filter: { sectionId: section.sectionId } }).then((threads) => {
        const pushed = writeSectionNotice({ type: "threads-changed", threads });
        return pushed.length <= MAX_PUSHED_THREADS_BYTES ? pushed : THREADS_CHANGED;
      });
      messages.set(withFacilitatorThreads, message);
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
export async function mergeStoredState(hocuspocus: Hocuspocus, section: { planId: string; sectionId: string }): Promise<boolean> {
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
