/**
 * The plan's paragraph numbers as its stored text has them: every live
 * section, in order, read by the passage reader. For the server's own uses
 * (references in comments and amendments); the editor numbers the live text.
 */
import type { JSONContent } from "@tiptap/core";
import type { Tx } from "@/lib/db";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import type { ParagraphNumber } from "@/lib/editor/passages";
import { findParagraphReferences } from "./paragraph-references";
import type { ParagraphReference } from "./paragraph-references";
import { LIVE_SECTION } from "./section-scope";

export async function readPlanNumbering(db: Tx, planId: string): Promise<Map<string, ParagraphNumber>> {
  const sections = await db.planSection.findMany({
    where: { planId, ...LIVE_SECTION },
    orderBy: { position: "asc" },
    select: { part: true, content: true },
  });
  return numberParagraphs(
    sections.map((section) => ({ part: section.part, passages: readPassages(section.content as JSONContent) })),
  );
}

/** The paragraphs a text written now refers to ("paragraph 5"), to store with it (lib/plan/paragraph-references.ts). */
export async function readParagraphReferences(db: Tx, { planId, text }: { planId: string; text: string }) {
  if (!/\d/.test(text)) return [] as ParagraphReference[];
  return findParagraphReferences(text, await readPlanNumbering(db, planId));
}
