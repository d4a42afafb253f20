/**
 * Amendments on whole paragraphs — insert a new one after another ("5 bis"),
 * delete one, move one — and the one rule for whether such an amendment still
 * fits the text. The paragraph's text when proposed is kept in `quoteExact`:
 * a deletion or a move was proposed on those words, so once they change (or
 * the paragraph, or a move's target, is gone) it is stale. An insertion only
 * needs its anchor paragraph to be there.
 */
import type { JSONContent } from "@tiptap/core";
import { readPassages } from "@/lib/editor/passages";
import type { ParagraphNumber, Passage } from "@/lib/editor/passages";
import { readParagraphKind, readSubparagraphLevel } from "@/lib/editor/paragraph-kinds";
import type { ParagraphKind, SubparagraphLevel } from "@/lib/editor/paragraph-kinds";

export const PARAGRAPH_AMENDMENT_KINDS = ["insert_paragraph", "delete_paragraph", "move_paragraph"] as const;
export type ParagraphAmendmentKind = (typeof PARAGRAPH_AMENDMENT_KINDS)[number];

export function isParagraphAmendment(kind: string): kind is ParagraphAmendmentKind {
  return (PARAGRAPH_AMENDMENT_KINDS as readonly string[]).includes(kind);
}

/** A paragraph amendment as stored: what the rule needs of its row. */
export type ParagraphChange = {
  kind: ParagraphAmendmentKind;
  blockId: string;
  quoteExact: string;
  targetBlockId: string | null;
};

/** The section's top-level paragraphs, by blockId: the ones a paragraph amendment may name. */
export function readAmendableParagraphs(content: JSONContent): Map<string, Passage> {
  const topLevel = new Set(
    (content.content ?? [])
      .filter((node) => node.type === "paragraph" && typeof node.attrs?.blockId === "string")
      .map((node) => node.attrs!.blockId as string),
  );
  return new Map(readPassages(content).flatMap((p) => (topLevel.has(p.blockId) ? [[p.blockId, p] as const] : [])));
}

/** Whether the change still fits the section's text (false: the amendment is stale). */
export function isParagraphChangeCurrent(content: JSONContent, change: ParagraphChange): boolean {
  const paragraphs = readAmendableParagraphs(content);
  const paragraph = paragraphs.get(change.blockId);
  if (!paragraph) return false;
  if (change.kind === "insert_paragraph") return true;
  if (paragraph.text !== change.quoteExact) return false;
  if (change.kind === "delete_paragraph") return true;
  return (
    change.targetBlockId !== null && change.targetBlockId !== change.blockId && paragraphs.has(change.targetBlockId)
  );
}

/** A new paragraph's style: as asked, or else the anchor paragraph's own (a sub-paragraph keeps its level). */
export function chooseNewParagraphStyle(
  anchor: Passage,
  asked: { paragraphKind?: ParagraphKind; paragraphLevel?: SubparagraphLevel },
): { kind: ParagraphKind; level: SubparagraphLevel } {
  const kind = asked.paragraphKind ?? readParagraphKind(anchor.kind);
  const level = kind === "subparagraph" ? (asked.paragraphLevel ?? readSubparagraphLevel(anchor.level)) : 1;
  return { kind, level };
}

/**
 * How a paragraph amendment is named from the text's current numbering:
 * "New paragraph OP 5 bis", "Delete OP 5", "Move paragraph from OP 5 to after OP 8". A
 * paragraph without a number (plain text) is named by its first words.
 */
export function describeParagraphChange(
  change: { kind: ParagraphAmendmentKind; blockId: string; quoteExact: string; targetBlockId: string | null },
  numbers: ReadonlyMap<string, ParagraphNumber>,
  texts: ReadonlyMap<string, string> = new Map(),
): string {
  const name = (blockId: string, fallback = "") =>
    numbers.get(blockId)?.reference ?? `the paragraph “${openingWords(texts.get(blockId) ?? fallback)}”`;
  if (change.kind === "insert_paragraph") {
    const reference = numbers.get(change.blockId)?.reference;
    return reference ? `New paragraph ${reference} bis` : `New paragraph after ${name(change.blockId)}`;
  }
  if (change.kind === "delete_paragraph") return `Delete ${name(change.blockId, change.quoteExact)}`;
  return `Move paragraph from ${name(change.blockId, change.quoteExact)} to after ${name(change.targetBlockId ?? "")}`;
}

function openingWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > 6 ? `${words.slice(0, 6).join(" ")}…` : words.join(" ");
}
