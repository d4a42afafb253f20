/**
 * New comment threads reach the collaboration server through PostgreSQL
 * LISTEN/NOTIFY (sent in the thread's own transaction, so only committed
 * threads arrive). The server claims each thread once — several instances
 * may hear it — and marks its quote through a direct connection, so every
 * editor sees the mark live. Threads created while no server listened are
 * picked up at start.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import postgres from "postgres";
import { getPrisma } from "@/lib/db";
import { applyCommentMark } from "./comment-anchor";
import { sectionDocumentName } from "./document-name";

export const COLLAB_CHANNEL = "gpa_collab";

export type CollabNotice = { type: "anchor-thread"; threadId: string };

/** Claims and anchors one thread; returns whether its quote was found. */
export async function anchorThread(hocuspocus: Hocuspocus, threadId: string): Promise<"anchored" | "detached" | "skipped"> {
  const claimed = await getPrisma().commentThread.updateMany({ where: { id: threadId, anchoredAt: null }, data: { anchoredAt: new Date() } });
  if (!claimed.count) return "skipped";
  const thread = await getPrisma().commentThread.findUniqueOrThrow({ where: { id: threadId } });
  const connection = await hocuspocus.openDirectConnection(sectionDocumentName({ planId: thread.planId, sectionId: thread.sectionId }), { system: "comment-anchor" });
  let isFound = false;
  try {
    await connection.transact((doc) => {
      isFound = applyCommentMark(doc, { threadId, blockId: thread.blockId, quote: { exact: thread.quoteExact, prefix: thread.quotePrefix, suffix: thread.quoteSuffix } });
    });
  } finally {
    await connection.disconnect();
  }
  return isFound ? "anchored" : "detached";
}

/** Listens for notices and anchors waiting threads; returns a stop function. */
export async function listenForThreads({ hocuspocus, databaseUrl, log }: { hocuspocus: Hocuspocus; databaseUrl: string; log: (line: string) => void }): Promise<() => Promise<void>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const anchor = (threadId: string) =>
    anchorThread(hocuspocus, threadId)
      .then((result) => result !== "skipped" && log(`comment thread ${threadId} ${result}`))
      .catch((error) => log(`anchoring ${threadId} failed: ${(error as Error).message}`));
  await sql.listen(COLLAB_CHANNEL, (payload) => {
    const notice = JSON.parse(payload) as CollabNotice;
    if (notice.type === "anchor-thread") void anchor(notice.threadId);
  });
  const waiting = await getPrisma().commentThread.findMany({ where: { anchoredAt: null }, select: { id: true } });
  for (const { id } of waiting) await anchor(id);
  return () => sql.end({ timeout: 2 });
}
