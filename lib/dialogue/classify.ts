/** Recognises what a heading or a list introduction stands for. */
import type { SegmentKind, SummaryListName } from "./types";
import { stripMarkdown } from "./text";

export type HeadingKind =
  | { kind: "segment"; segment: SegmentKind; number: number | null; title: string }
  | { kind: "summary" }
  | { kind: "annex"; title: string }
  | { kind: "label"; label: string };

const PANEL = /^panel\s+([ivxlc]+|\d+)\b\s*(?:[:.\-–—]\s*)?(.*)$/i;

export function classifyHeading(rawText: string): HeadingKind {
  const text = stripMarkdown(rawText).replace(/\s*:$/, "").trim();
  const panel = PANEL.exec(text);
  if (panel) {
    const number = /^\d+$/.test(panel[1]) ? Number(panel[1]) : romanToNumber(panel[1]);
    return { kind: "segment", segment: "panel", number, title: panel[2].trim() || text };
  }
  if (/^opening\b/i.test(text)) return { kind: "segment", segment: "opening", number: null, title: text };
  if (/^closing\b/i.test(text)) return { kind: "segment", segment: "closing", number: null, title: text };
  if (/^(summary|general discussion|interactive (debate|discussion))\b/i.test(text)) return { kind: "summary" };
  if (/^annex\b/i.test(text)) return { kind: "annex", title: text };
  return { kind: "label", label: text };
}

function romanToNumber(roman: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  const digits = roman.toLowerCase().split("").map((c) => values[c]);
  return digits.reduce((sum, value, i) => sum + (value < (digits[i + 1] ?? 0) ? -value : value), 0);
}

// Each list's cue words. The cue nearest the closing colon decides, because an
// introduction such as "concerns were raised on the need for ... Concerns
// presented were:" names its own list last.
const LIST_CUES: [SummaryListName, RegExp][] = [
  ["consensus", /\bconsensus\b|\bagreed\b|\bagreement\b|\bconverged?\b/gi],
  ["gaps", /\bgaps?\b|\bshortcomings\b|\bchallenges\b/gi],
  ["inFavour", /\bin favou?r\b|\barguments for\b|\bbenefits\b/gi],
  ["should", /\bshould\b|\bmust\b|\bought to\b/gi],
  ["concerns", /\bconcerns?\b|\breservations\b|\bobjections\b/gi],
];

/** Which summary list a paragraph ending in ":" introduces, or null when it names none. */
export function classifyListIntro(rawText: string): SummaryListName | null {
  const text = stripMarkdown(rawText);
  if (!text.endsWith(":")) return null;
  let best: { list: SummaryListName; at: number } | null = null;
  for (const [list, cue] of LIST_CUES) {
    for (const match of text.matchAll(cue)) {
      if (!best || match.index > best.at) best = { list, at: match.index };
    }
  }
  return best?.list ?? null;
}
