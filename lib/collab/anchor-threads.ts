/**
 * New comment threads reach the collaboration server through PostgreSQL
 * LISTEN/NOTIFY (sent in the thread's own transaction, so only committed
 * threads arrive). The server claims each thread once — several instances
 * may hear it — and marks its quote through a direct connection, so every
 * editor sees the mark live. Threads created while no server listened are
 * picked up at start; a thread whose marking failed is tried again, and
 * threads still pending are looked for every minute, including those whose
 * claimer died (the claim is a lease). Every other change to a thread (a reply, an edit, a
 * resolution) is announced the same way and passed on to the section's
 * editors as a stateless message, on every instance: that is how comments
 * appear live.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import postgres from "postgres";
import { loadVisibleThreads, withThreadAbilities } from "@/lib/comments/list-threads";
import { threadAbilitiesKey, threadsVisibleWhere } from "@/lib/auth/policies";
import { anchorRangeIn } from "@/lib/comments/anchor-range";
import type { TAnchorRange } from "@/lib/comments/anchor-range";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CollabAccess } from "./authenticate";
import { applyCommentMark, findQuote } from "./comment-anchor";
import * as Y from "yjs";
import { sectionDocumentName } from "./document-name";
import { COLLAB_CHANNEL } from "./notices";
import { writeSectionNotice } from "./section-notice";
import type { CollabNotice } from "./notices";
import { STORED_STATE_ORIGIN } from "./section-state";

/** What editors hear when a section's amendments change: only that they did, so they fetch them again. */
export const AMENDMENTS_CHANGED = writeSectionNotice({ type: "amendments-changed" });
/** A bare "threads-changed", without the threads: editors fetch them over HTTP (when the list is too big to push). */
export const THREADS_CHANGED = writeSectionNotice({ type: "threads-changed", threads: null });
/** Above this, the threads are not pushed: a socket message should stay small, and the page can fetch them. */
const MAX_PUSHED_THREADS_BYTES = 256 * 1024;

/** Tells the editors of a section, on this instance, to fetch its amendments again. */
function announceToEditors(hocuspocus: Hocuspocus, section: { planId: string; sectionId: string }, message: string): void {
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
async function pushThreadsToEditors(hocuspocus: Hocuspocus, section: { planId: string; sectionId: string }): Promise<void> {
  const document = hocuspocus.documents.get(sectionDocumentName(section));
  if (!document) return;
  const lists = new Map<string, ReturnType<typeof loadVisibleThreads>>();
  const messages = new Map<string, Promise<string>>();
  const listFor = (viewer: CollabAccess["user"]) => {
    const key = JSON.stringify(threadsVisibleWhere(viewer));
    if (!lists.has(key)) lists.set(key, loadVisibleThreads({ viewer, planId: section.planId, filter: { sectionId: section.sectionId } }));
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

/** Marking a thread failed after it was claimed; `isReleased` says whether the claim could be given back. */
export class AnchoringError extends Error {
  constructor(readonly cause: unknown, readonly claimedAt: Date, readonly isReleased: boolean) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * How long a claim holds. Marking takes well under a second; a claim older
 * than this belongs to a server that died, or lost the database, while
 * marking, and any server may take the thread up.
 */
export const ANCHOR_CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Claims and anchors one thread, and says whether its quote was found. A
 * thread not yet anchored is claimed while nobody holds it, while its claim
 * has lapsed, or while it still holds `previousClaim`, a claim of this
 * server's that could not be given back. When marking fails after the claim
 * (the document could not be opened, the database went away), the claim is
 * given back, so the thread is pending again rather than "detached" for
 * good, and an AnchoringError is thrown for a retry.
 */
export async function anchorThread(hocuspocus: Hocuspocus, threadId: string, previousClaim?: Date) {
  const claimedAt = new Date();
  const lapsed = new Date(claimedAt.getTime() - ANCHOR_CLAIM_LEASE_MS);
  const claimable = [{ anchorClaimedAt: null }, { anchorClaimedAt: { lt: lapsed } }, ...(previousClaim ? [{ anchorClaimedAt: previousClaim }] : [])];
  const thisClaim = { id: threadId, anchorClaimedAt: claimedAt };
  const claimed = await getPrisma().commentThread.updateMany({ where: { id: threadId, anchoredAt: null, OR: claimable }, data: { anchorClaimedAt: claimedAt } });
  if (!claimed.count) return { status: "skipped" as const };
  try {
    const { thread, isFound, anchorRange } = await markQuote(hocuspocus, threadId);
    // Marking twice is harmless (the same mark on the same text), so a server whose lapsed claim was taken over may still finish.
    await getPrisma().commentThread.updateMany({
      where: thisClaim,
      data: { anchoredAt: new Date(), anchorClaimedAt: null, anchorRange: anchorRange ?? Prisma.DbNull },
    });
    return { status: isFound ? ("anchored" as const) : ("detached" as const), thread };
  } catch (error) {
    const isReleased = await getPrisma().commentThread
      .updateMany({ where: thisClaim, data: { anchorClaimedAt: null } })
      .then(() => true, () => false);
    throw new AnchoringError(error, claimedAt, isReleased);
  }
}

/**
 * Puts the thread's comment mark on its quote in the live document; says
 * whether the quote was found. A facilitators-only thread gets no mark: the
 * shared document reaches every role, so its anchor is kept on the thread
 * row instead (lib/comments/anchor-range.ts).
 */
async function markQuote(hocuspocus: Hocuspocus, threadId: string) {
  const thread = await getPrisma().commentThread.findUniqueOrThrow({ where: { id: threadId } });
  const anchor = { threadId, blockId: thread.blockId, quote: { exact: thread.quoteExact, prefix: thread.quotePrefix, suffix: thread.quoteSuffix } };
  const connection = await hocuspocus.openDirectConnection(sectionDocumentName({ planId: thread.planId, sectionId: thread.sectionId }), { system: "comment-anchor" });
  let isFound = false;
  let anchorRange: TAnchorRange | null = null;
  try {
    await connection.transact((doc) => {
      if (thread.visibility === "everyone") return void (isFound = applyCommentMark(doc, anchor));
      const found = findQuote(doc, anchor);
      isFound = found !== null;
      anchorRange = found && anchorRangeIn(found.text, found);
    });
  } finally {
    await connection.disconnect();
  }
  return { thread, isFound, anchorRange: anchorRange as TAnchorRange | null };
}

/** Waits before each new try at anchoring a thread whose anchoring failed; then the periodic sweep takes over. */
const ANCHOR_RETRY_DELAYS_MS = [1_000, 5_000, 15_000];
/** How often threads still pending are looked for: those whose every try failed, and those whose claim could not be given back. */
const SWEEP_INTERVAL_MS = 60_000;

/** Listens for notices and anchors waiting threads; returns a stop function. */
export async function listenForThreads({ hocuspocus, databaseUrl, log, onUserAccessChanged }: {
  hocuspocus: Hocuspocus; databaseUrl: string; log: (line: string) => void;
  /** An admin changed this user's access (see recheck-connections.ts). */
  onUserAccessChanged: (userId: string) => void;
}): Promise<() => Promise<void>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const retries = new Set<ReturnType<typeof setTimeout>>();
  /** Threads whose claim this server could not give back, with that claim: this server takes them up again at once, others when it lapses. */
  const stranded = new Map<string, Date>();
  let isStopped = false;

  const anchor = async (threadId: string, attempt = 0): Promise<void> => {
    try {
      const result = await anchorThread(hocuspocus, threadId, stranded.get(threadId));
      stranded.delete(threadId);
      if (result.status === "skipped") return;
      log(`comment thread ${threadId} ${result.status}`);
      // Marked: a failure to tell the editors is not a failure to anchor, and is not retried as one.
      await pushThreadsToEditors(hocuspocus, result.thread).catch((error) => log(`announcing threads of ${result.thread.sectionId} failed: ${(error as Error).message}`));
    } catch (error) {
      if (error instanceof AnchoringError && !error.isReleased) stranded.set(threadId, error.claimedAt);
      const delay = isStopped ? undefined : ANCHOR_RETRY_DELAYS_MS[attempt];
      log(`anchoring ${threadId} failed: ${(error as Error).message}${delay ? `; trying again in ${delay / 1000} s` : ""}`);
      if (delay === undefined) return;
      const retry = setTimeout(() => {
        retries.delete(retry);
        void anchor(threadId, attempt + 1);
      }, delay);
      retries.add(retry);
    }
  };
  /** One try each, no retries: the next sweep is the retry. */
  const anchorWaiting = async () => {
    const waiting = await getPrisma().commentThread.findMany({ where: { anchoredAt: null }, select: { id: true } });
    const ids = new Set([...waiting.map((t) => t.id), ...stranded.keys()]);
    for (const id of ids) if (!isStopped) await anchor(id, ANCHOR_RETRY_DELAYS_MS.length);
  };

  await sql.listen(COLLAB_CHANNEL, (payload) => {
    const notice = JSON.parse(payload) as CollabNotice;
    if (notice.type === "anchor-thread") void anchor(notice.threadId);
    if (notice.type === "threads-changed") {
      void pushThreadsToEditors(hocuspocus, notice).catch((error) => log(`announcing threads of ${notice.sectionId} failed: ${(error as Error).message}`));
    }
    if (notice.type === "amendments-changed") announceToEditors(hocuspocus, notice, AMENDMENTS_CHANGED);
    if (notice.type === "user-access-changed") onUserAccessChanged(notice.userId);
    if (notice.type === "merge-stored") {
      void mergeStoredState(hocuspocus, notice).catch((error) => log(`merging stored ${notice.sectionId} failed: ${(error as Error).message}`));
    }
  });
  await anchorWaiting();
  let sweeping: Promise<void> = Promise.resolve();
  const sweep = setInterval(() => {
    sweeping = anchorWaiting().catch((error) => log(`looking for pending threads failed: ${(error as Error).message}`));
  }, SWEEP_INTERVAL_MS);
  return async () => {
    isStopped = true;
    clearInterval(sweep);
    for (const retry of retries) clearTimeout(retry);
    await sweeping;
    await sql.end({ timeout: 2 });
  };
}
