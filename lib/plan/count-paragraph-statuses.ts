/**
 * The status board's numbers: per section of the plan, in order, how many of
 * its paragraphs are pending, agreed ad ref and agreed, and how many brackets
 * are still open in it. A paragraph is every passage with words or a bracket
 * (an empty one, an editor's trailing paragraph, is nothing to agree).
 */
import type { JSONContent } from "@tiptap/core";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { LIVE_SECTION } from "@/lib/plan/section-scope";
import { listParagraphStatuses } from "./list-paragraph-statuses";
import type { TParagraphStatus } from "./paragraph-statuses";

export type TStatusCounts = Record<TParagraphStatus, number> & { brackets: number };

export type TSectionStatusCounts = { id: string; key: string; title: string; counts: TStatusCounts };

export async function countParagraphStatuses({ planId }: { planId: string }): Promise<TSectionStatusCounts[]> {
  const [sections, statuses] = await Promise.all([
    getPrisma().planSection.findMany({
      where: { planId, ...LIVE_SECTION },
      orderBy: { position: "asc" },
      select: { id: true, key: true, title: true, content: true },
    }),
    listParagraphStatuses({ planId }),
  ]);
  return sections.map(({ content, ...section }) => {
    const counts: TStatusCounts = { pending: 0, "agreed ad ref": 0, agreed: 0, brackets: 0 };
    for (const passage of readPassages(content as JSONContent)) {
      if (!passage.text.trim() && !passage.brackets.length) continue;
      counts[statuses.get(section.id)?.get(passage.blockId) ?? "pending"] += 1;
      counts.brackets += passage.brackets.length;
    }
    return { ...section, counts };
  });
}
