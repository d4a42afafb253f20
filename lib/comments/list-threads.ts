/** A plan's threads as this user may see them, oldest first, with their comments (tombstones as such). */
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import type { JSONContent } from "@tiptap/core";
import { listAnchoredThreadIds } from "@/lib/editor/plan-document";
import { seesFacilitatorThreads } from "./thread-access";

export type ThreadFilter = { sectionKey?: string; status?: "open" | "resolved"; delegationId?: string; stance?: "support" | "oppose" | "question" | "neutral" };

export async function listThreads({ viewer, planId, filter = {} }: { viewer: CurrentUser; planId: string; filter?: ThreadFilter }) {
  const threads = await getPrisma().commentThread.findMany({
    where: {
      planId,
      // Never loaded for other roles, so no later step can leak it.
      ...(seesFacilitatorThreads(viewer) ? {} : { visibility: "everyone" as const }),
      ...(filter.sectionKey ? { section: { key: filter.sectionKey } } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.delegationId ? { delegationId: filter.delegationId } : {}),
      ...(filter.stance ? { stance: filter.stance } : {}),
    },
    orderBy: { number: "asc" },
    include: {
      section: { select: { key: true, title: true, content: true } },
      delegation: { select: { id: true, name: true } },
      author: { select: { id: true, name: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        include: { author: { select: { id: true, name: true } }, delegation: { select: { id: true, name: true } } },
      },
    },
  });
  const anchoredBySection = new Map<string, Set<string>>();
  const anchoredIn = (section: { key: string; content: unknown }) => {
    if (!anchoredBySection.has(section.key)) anchoredBySection.set(section.key, listAnchoredThreadIds(section.content as JSONContent));
    return anchoredBySection.get(section.key)!;
  };
  return threads.map((thread) => ({
    id: thread.id, number: thread.number, section: { key: thread.section.key, title: thread.section.title }, blockId: thread.blockId,
    // "pending" until the collaboration server has marked the text; "detached" once its text is gone (the quote remains).
    anchor: thread.anchoredAt === null ? ("pending" as const) : anchoredIn(thread.section).has(thread.id) ? ("anchored" as const) : ("detached" as const),
    quote: { exact: thread.quoteExact, prefix: thread.quotePrefix, suffix: thread.quoteSuffix },
    stance: thread.stance, visibility: thread.visibility, status: thread.status,
    delegation: thread.delegation, author: thread.author, resolvedAt: thread.resolvedAt, createdAt: thread.createdAt,
    comments: thread.comments.map((c) => ({
      id: c.id, author: c.author, delegation: c.delegation, createdAt: c.createdAt, editedAt: c.editedAt,
      isDeleted: c.deletedAt !== null, body: c.deletedAt ? null : c.body,
    })),
  }));
}
