/**
 * What a numbered paragraph shows around its words so that the drafter sees
 * what will print: its marker ("4.", "(a)"), its opening phrase in italics,
 * and — where the text's own closing punctuation is not the ending print
 * will use — that punctuation struck through and the ending shown after it.
 * One description, drawn by the live editor's decorations
 * (components/editor/paragraph-numbers.ts) and by the server-rendered page
 * (components/plan/printed-paragraph.tsx), so the two cannot disagree. The
 * numbers themselves come from numberParagraphs (lib/editor/passages.ts).
 */
import { measureClosingPunctuation } from "./passages";
import type { ParagraphNumber } from "./passages";

/** Offsets into a passage's text (lib/editor/passages.ts `text`): citations and line breaks count for nothing. */
export type TextSpan = { from: number; to: number };

export type ParagraphPrint = {
  marker: string | null;
  /** The opening phrase, printed in italics. */
  opening: TextSpan | null;
  /** The closing punctuation print replaces, when it is not the paragraph's ending. */
  stray: TextSpan | null;
  /** The ending print puts after the words, when the text does not already end with it. */
  ending: ParagraphNumber["ending"] | null;
};

/** How a paragraph with this text and this number prints around its words. */
export function describeParagraphPrint(text: string, number: ParagraphNumber): ParagraphPrint {
  const marker = number.marker;
  // An empty paragraph is still being written: its marker says where it stands, an ending would be noise.
  if (!text.trim()) return { marker, opening: null, stray: null, ending: null };
  const closingLength = measureClosingPunctuation(text);
  const closingFrom = text.length - closingLength;
  const punctuation = text.slice(closingFrom).trimEnd();
  const isEndingWritten = punctuation === number.ending;
  const openingTo = Math.min(number.openingLength, closingFrom);
  return {
    marker,
    opening: openingTo > 0 ? { from: 0, to: openingTo } : null,
    stray: punctuation && !isEndingWritten ? { from: closingFrom, to: closingFrom + punctuation.length } : null,
    ending: isEndingWritten ? null : number.ending,
  };
}

/** The class names both views draw these with (app/globals.css). */
export const PRINT_CLASSES = {
  opening: "opening-phrase",
  stray: "stray-ending",
  ending: "print-ending",
} as const;
