/**
 * The paragraphs of each section that paragraph numbering reads, for the
 * plan page: it numbers the whole plan once on the server (the text shown
 * before the live editors sync) and hands these to the live numbering in the
 * browser, which starts from them until each section's editor reports its own.
 */
import type { JSONContent } from "@tiptap/core";
import { readPassages } from "./passages";
import type { NumberedSection, NumberingPart, Passage } from "./passages";

export type SectionParagraphs = NumberedSection & { sectionId: string };

/**
 * Only the paragraphs numbering looks at (a kind other than plain text), with
 * their words but not their runs, citations or threads: the list goes to the
 * browser with the page, and a plan that is not a resolution has none.
 */
export function selectNumberedPassages(passages: readonly Passage[]): Passage[] {
  return passages
    .filter((passage) => passage.kind && passage.kind !== "plain")
    .map(({ blockId, type, text, kind, level }) => ({
      blockId,
      type,
      text,
      kind,
      ...(level ? { level } : {}),
      runs: [],
      citations: [],
      notes: [],
      footnotes: {},
      brackets: [],
      printedNotes: [],
      threadIds: [],
    }));
}

/** Each section's numbered paragraphs, sections in plan order. */
export function readSectionParagraphs(
  sections: readonly { id: string; part: NumberingPart; content: unknown }[],
): SectionParagraphs[] {
  return sections.map((section) => ({
    sectionId: section.id,
    part: section.part,
    passages: selectNumberedPassages(readPassages(section.content as JSONContent)),
  }));
}
