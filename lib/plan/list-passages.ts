/** Every citable passage of a plan, section by section, from the saved text: what a facilitator picks from when answering a concern. */
import type { JSONContent } from "@tiptap/core";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export async function listPassages({ planId }: { planId: string }) {
  const sections = await getPrisma().planSection.findMany({
    where: { planId, ...LIVE_SECTION },
    orderBy: { position: "asc" },
    select: { key: true, title: true, content: true },
  });
  return sections.map((section) => ({
    key: section.key,
    title: section.title,
    // Empty blocks cannot answer anything.
    passages: readPassages(section.content as JSONContent).flatMap(({ blockId, text }) =>
      blockId && text.trim() ? [{ blockId, text }] : [],
    ),
  }));
}

export type SectionPassages = Awaited<ReturnType<typeof listPassages>>[number];
