/**
 * "Paragraph 5", "OP 5 (a)", "preambular paragraph 2", "annex paragraph 3"
 * in a comment or an amendment's rationale: what negotiators write to point
 * at the text. Each is recorded, when it is written, as the stable block id
 * of the paragraph it then named, so it goes on naming that paragraph when
 * paragraphs are inserted, moved or removed: it is shown with the number the
 * paragraph has now. Numbers are the passage reader's (numberParagraphs).
 */
import { z } from "zod";
import type { ParagraphNumber } from "@/lib/editor/passages";

/** A reference as stored with the text: where it is, and the paragraph it named. */
export const ZParagraphReference = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  blockId: z.string().min(1),
});
export type ParagraphReference = z.infer<typeof ZParagraphReference>;

/** A reference as shown: its words with today's numbers, or, when the paragraph is gone, as written. */
export type ShownReference = { start: number; end: number; blockId: string; text: string; isGone: boolean };

const REFERENCE =
  /\b(annex\s*,?\s+)?(?:(preambular|operative)\s+)?(paragraphs?|paras?\.?|op|pp)(\s*)(\d{1,3})(?:\s*\(([a-z]{1,3})\))?(?:\s*\(([ivxlc]{1,6})\))?(\s+of\s+the\s+annex)?/giu;

type Parsed = { start: number; end: number; key: string };

/** The references in a text, with the key the reader's `reference` has for the paragraph each names ("OP 5 (a)"). */
function parseReferences(text: string): Parsed[] {
  return [...text.matchAll(REFERENCE)].map((match) => {
    const [whole, annexBefore, kindWord, noun, , n, letter, roman, annexAfter] = match;
    const isPreambular = /^preambular$/i.test(kindWord ?? "") || /^pp$/i.test(noun);
    const isAnnex = Boolean(annexBefore || annexAfter);
    const base = isAnnex ? (isPreambular ? `Annex PP ${n}` : `Annex ${n}`) : isPreambular ? `PP ${n}` : `OP ${n}`;
    const key = [base, letter && `(${letter.toLowerCase()})`, roman && `(${roman.toLowerCase()})`]
      .filter(Boolean)
      .join(" ");
    return { start: match.index, end: match.index + whole.length, key };
  });
}

/** The references a text makes to paragraphs the plan has now (others are left as plain words). */
export function findParagraphReferences(
  text: string,
  numbers: ReadonlyMap<string, ParagraphNumber>,
): ParagraphReference[] {
  const byKey = new Map([...numbers].map(([blockId, number]) => [number.reference, blockId]));
  return parseReferences(text).flatMap(({ start, end, key }) => {
    const blockId = byKey.get(key);
    return blockId ? [{ start, end, blockId }] : [];
  });
}

/**
 * Each stored reference as shown now: its own words, with the numbers its
 * paragraph has today ("paragraph 5" becomes "paragraph 3" once two
 * paragraphs before it are gone); as written, and marked gone, when the
 * paragraph is no longer in the plan.
 */
export function showParagraphReferences(
  text: string,
  references: readonly ParagraphReference[],
  numbers: ReadonlyMap<string, ParagraphNumber>,
): ShownReference[] {
  return references.flatMap(({ start, end, blockId }) => {
    const written = text.slice(start, end);
    if (!written) return [];
    const now = numbers.get(blockId);
    return [{ start, end, blockId, text: now ? renumber(written, now) : written, isGone: !now }];
  });
}

/** The written words, up to the number, with the number, letter and roman numeral the paragraph has now. */
function renumber(written: string, now: ParagraphNumber): string {
  const parts = /(\d+)(?: \(([a-z]+)\))?(?: \(([ivxlc]+)\))?$/.exec(now.reference);
  const match = new RegExp(REFERENCE.source, "iu").exec(written);
  if (!parts || !match) return written;
  const [, n, letter, roman] = parts;
  const [, annexBefore = "", kindWord, noun, gap, , , , annexAfter = ""] = match;
  const kind = kindWord ? `${kindWord} ` : "";
  const subparts = [letter, roman].map((part) => (part ? ` (${part})` : "")).join("");
  return `${annexBefore}${kind}${noun}${gap}${n}${subparts}${annexAfter}`;
}

/** The references stored with a text (a JSON column), read leniently: anything malformed is left out. */
export function readStoredReferences(value: unknown): ParagraphReference[] {
  return z.array(ZParagraphReference).catch([]).parse(value);
}
