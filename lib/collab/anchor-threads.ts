/**
 * New comment threads are anchored by the collaboration server: it claims
 * each thread once (several instances may hear of it) and marks its quote
 * through a direct connection, so every editor sees the mark live; a
 * facilitators-only thread gets a range on its row instead (no mark in the
 * shared document). Threads created while no server listened are picked up
 * at start; a thread whose marking failed is tried again, and threads still
 * pending are looked for every minute, including those whose claimer died
 * (the claim is a lease).
 */
import type { Hocuspocus } from "@hocuspocus/server";
import { anchorRangeIn } from "@/lib/comments/anchor-range";
import type { TAnchorRange } from "@/lib/comments/anchor-range";
import { getPrisma } from "@/lib/db";
import { applyCommentMark, findQuote } from "@/lib/editor/passage-anchor";
import { Prisma } from "@/lib/generated/prisma/client";
import { sectionDocumentName } from "./document-name";
import { pushThreadsToEditors } from "./push-to-editors";

/** Marking a thread failed after it was claimed; `isReleased` says whether the claim could be given back. */
export class AnchoringError extends Error {
  constructor(
    readonly cause: unknown,
    readonly claimedAt: Date,
    readonly isReleased: boolean,
  ) {
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
  const claimable = [
    { anchorClaimedAt: null },
    { anchorClaimedAt: { lt: lapsed } },
    ...(previousClaim ? [{ anchorClaimedAt: previousClaim }] : []),
  ];
  const thisClaim = { id: threadId, anchorClaimedAt: claimedAt };
  const claimed = await getPrisma().commentThread.updateMany({
    where: { id: threadId, anchoredAt: null, OR: claimable },
    data: { anchorClaimedAt: claimedAt },
  });
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
    const isReleased = await getPrisma()
      .commentThread.updateMany({ where: thisClaim, data: { anchorClaimedAt: null } })
      .then(
        () => true,
        () => false,
      );
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
  const anchor = {
    threadId,
    blockId: thread.blockId,
    quote: { exact: thread.quoteExact, prefix: thread.quotePrefix, suffix: thread.quoteSuffix },
  };
  const connection = await hocuspocus.openDirectConnection(
    sectionDocumentName({ planId: thread.planId, sectionId: thread.sectionId }),
    { system: "comment-anchor" },
  );
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

export type ThreadAnchoring = {
  /** Anchors a thread a notice announced, with retries. */
  anchor: (threadId: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** Anchors the threads waiting now, then sweeps every minute; `anchor` takes those announced meanwhile. */
export async function startThreadAnchoring({
  hocuspocus,
  log,
}: {
  hocuspocus: Hocuspocus;
  log: (line: string) => void;
}): Promise<ThreadAnchoring> {
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
      await pushThreadsToEditors(hocuspocus, result.thread).catch((error) =>
        log(`announcing threads of ${result.thread.sectionId} failed: ${(error as Error).message}`),
      );
    } catch (error) {
      if (error instanceof AnchoringError && !error.isReleased) stranded.set(threadId, error.claimedAt);
      const delay = isStopped ? undefined : ANCHOR_RETRY_DELAYS_MS[attempt];
      log(
        `anchoring ${threadId} failed: ${(error as Error).message}${delay ? `; trying again in ${delay / 1000} s` : ""}`,
      );
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

  await anchorWaiting();
  let sweeping: Promise<void> = Promise.resolve();
  const sweep = setInterval(() => {
    sweeping = anchorWaiting().catch((error) => log(`looking for pending threads failed: ${(error as Error).message}`));
  }, SWEEP_INTERVAL_MS);
  return {
    anchor: (threadId) => anchor(threadId),
    async stop() {
      isStopped = true;
      clearInterval(sweep);
      for (const retry of retries) clearTimeout(retry);
      await sweeping;
    },
  };
}
