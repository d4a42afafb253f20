/** A plan's threads as this user may see them, oldest first, with their comments (tombstones as such). */
import { getPrisma } from "@/lib/db";
import type { JSONContent } from "@tiptap/core";
import { readPassages } from "@/lib/editor/passages";
import * as Y from "yjs";
import { decodeAnchorRange, isAnchorRangeLive, ZAnchorRange } from "./anchor-range";
import { authorize, presentThreadAbilities, threadsVisibleWhere } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EDIT_WINDOW_MS } from "./schemas";
import type { TThreadStance, TThreadStatus } from "./thread-values";
import type { ParagraphNumber } from "@/lib/editor/passages";
import { readStoredReferences, showParagraphReferences } from "@/lib/plan/paragraph-references";
import { readPlanNumbering } from "@/lib/plan/read-plan-numbering";

export type ThreadFilter = {
  sectionKey?: string;
  sectionId?: string;
  status?: TThreadStatus;
  delegationId?: string;
  stance?: TThreadStance;
};

/**
 * Identical reads that arrive together share one query: a "threads-changed"
 * notice makes every open page of a section ask at the same moment. A read
 * joins only a batch whose query has not started yet, so it never gets an
 * answer older than itself (an in-flight query may predate the very change
 * the reader was told about). The key holds the viewer's visibility `where`
 * (lib/auth/policies.ts), never the viewer, so nothing leaks across it.
 */
const BATCH_WINDOW_MS = 5;
const waiting = new Map<string, ReturnType<typeof loadThreads>>();

export async function listThreads({
  viewer,
  planId,
  filter = {},
}: {
  viewer: Actor;
  planId: string;
  filter?: ThreadFilter;
}) {
  return withThreadAbilities(viewer, await loadVisibleThreads({ viewer, planId, filter }));
}

/** Each thread with what `viewer` may do to it: the page offers exactly those actions, and never looks at roles. */
export function withThreadAbilities(viewer: Actor, threads: LoadedThread[]) {
  return threads.map((thread) => ({
    ...thread,
    abilities: presentThreadAbilities(viewer, { delegationId: thread.delegation?.id ?? null }),
  }));
}

type LoadedThread = Awaited<ReturnType<typeof loadThreads>>[number];

/** The threads `viewer` may see, without abilities: shared by every viewer of the same visibility class (see above). */
export async function loadVisibleThreads({
  viewer,
  planId,
  filter = {},
}: {
  viewer: Actor;
  planId: string;
  filter?: ThreadFilter;
}) {
  authorize(viewer, "plan.read");
  const visibleWhere = threadsVisibleWhere(viewer);
  const key = JSON.stringify([
    planId,
    visibleWhere,
    filter.sectionKey,
    filter.sectionId,
    filter.status,
    filter.delegationId,
    filter.stance,
  ]);
  const batch = waiting.get(key);
  if (batch) return batch;
  const load = new Promise<void>((resolve) => setTimeout(resolve, BATCH_WINDOW_MS)).then(() => {
    waiting.delete(key);
    return loadThreads({ planId, filter, visibleWhere });
  });
  waiting.set(key, load);
  return load;
}

async function loadThreads({
  planId,
  filter,
  visibleWhere,
}: {
  planId: string;
  filter: ThreadFilter;
  visibleWhere: Prisma.CommentThreadWhereInput;
}) {
  const threads = await getPrisma().commentThread.findMany({
    where: {
      planId,
      // Never loaded for other roles, so no later step can leak it.
      ...visibleWhere,
      ...(filter.sectionKey ? { section: { key: filter.sectionKey } } : {}),
      ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.delegationId ? { delegationId: filter.delegationId } : {}),
      ...(filter.stance ? { stance: filter.stance } : {}),
    },
    orderBy: { number: "asc" },
    include: {
      section: { select: { key: true, title: true, removedAt: true } },
      delegation: { select: { id: true, name: true } },
      author: { select: { id: true, name: true } },
      // Its entry on the concern register, if a facilitator put it there (same visibility as the thread).
      concern: { select: { number: true, status: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        include: { author: { select: { id: true, name: true } }, delegation: { select: { id: true, name: true } } },
      },
    },
  });
  // Paragraph numbers for each thread's passage ("OP 4") and its comments' references, from the one reader.
  const [isAnchored, numbers] = await Promise.all([
    readAnchoredThreads(threads),
    threads.length ? readPlanNumbering(getPrisma(), planId) : new Map<string, ParagraphNumber>(),
  ]);
  return threads.map((thread) => ({
    id: thread.id,
    number: thread.number,
    section: { key: thread.section.key, title: thread.section.title },
    blockId: thread.blockId,
    paragraph: numbers.get(thread.blockId)?.reference ?? null,
    // "pending" until the collaboration server has marked the text; "detached" once its text is gone (the quote remains).
    anchor: thread.section.removedAt
      ? ("removed" as const)
      : thread.anchoredAt === null
        ? ("pending" as const)
        : isAnchored(thread)
          ? ("anchored" as const)
          : ("detached" as const),
    // Only facilitators-only threads have one, and only facilitators load those: their editors draw it.
    range:
      thread.visibility === "facilitators" && decodeAnchorRange(thread.anchorRange)
        ? ZAnchorRange.parse(thread.anchorRange)
        : null,
    quote: { exact: thread.quoteExact, prefix: thread.quotePrefix, suffix: thread.quoteSuffix },
    stance: thread.stance,
    visibility: thread.visibility,
    status: thread.status,
    delegation: thread.delegation,
    author: thread.author,
    resolvedAt: thread.resolvedAt,
    createdAt: thread.createdAt,
    concern: thread.concern,
    comments: thread.comments.map((c) => ({
      id: c.id,
      author: c.author,
      delegation: c.delegation,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      isDeleted: c.deletedAt !== null,
      body: c.deletedAt ? null : c.body,
      references: c.deletedAt ? [] : showParagraphReferences(c.body, readStoredReferences(c.paragraphRefs), numbers),
      editableUntil: c.deletedAt ? null : new Date(c.createdAt.getTime() + EDIT_WINDOW_MS),
    })),
  }));
}

type AnchorRow = { id: string; sectionId: string; visibility: "everyone" | "facilitators"; anchorRange: unknown };

/**
 * Whether each thread's words are still in the text: a mark in the section's
 * JSON for a thread everyone sees; for a facilitators-only thread, its range
 * in the section's Yjs state (loaded only when such a thread is listed).
 * Each section is read once, not once per thread.
 */
async function readAnchoredThreads(threads: AnchorRow[]): Promise<(thread: AnchorRow) => boolean> {
  const sectionIds = [...new Set(threads.map((t) => t.sectionId))];
  const withRanges = new Set(
    threads.filter((t) => t.visibility === "facilitators" && t.anchorRange).map((t) => t.sectionId),
  );
  const sections = await getPrisma().planSection.findMany({
    where: { id: { in: sectionIds } },
    select: { id: true, content: true, ydoc: true },
  });
  const marked = new Map(
    sections.map((section) => [
      section.id,
      new Set(readPassages(section.content as JSONContent).flatMap((p) => p.threadIds)),
    ]),
  );
  const docs = new Map(
    sections
      .filter((section) => withRanges.has(section.id) && section.ydoc)
      .map((section) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, new Uint8Array(section.ydoc!));
        return [section.id, doc];
      }),
  );
  return (thread) => {
    if (thread.visibility === "everyone") return marked.get(thread.sectionId)?.has(thread.id) ?? false;
    const doc = docs.get(thread.sectionId);
    return doc ? isAnchorRangeLive(doc, thread.anchorRange) : false;
  };
}
