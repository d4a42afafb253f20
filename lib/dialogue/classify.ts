/** Recognises what a heading or a list introduction stands for. */
import type { SegmentKind, SummaryListName } from "./types";
import { stripMarkdown } from "./text";

export type HeadingKind =
  | { kind: "segment"; segment: SegmentKind; number: number | null; title: string }
  | { kind: "summary" }
  | { kind: "annex"; title: string }
  | { kind: "label"; label: string };

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
// "Panel 2: Title", "Panel II – Title", "Panel discussion 3. Title", "Panel One: Title", "Round table 1: Title".
const PANEL = new RegExp(
  `^(?:(?:interactive|thematic|high-level|expert|ministerial)\\s+)?(?:panel|round[- ]?table)(?:\\s+discussion|\\s+session)?\\s+([ivx]{1,6}|\\d+|${NUMBER_WORDS.join("|")})\\b\\s*(?:[:.\\-–—]\\s*)?(.*)$`,
  "i",
);
// "First panel: Title", "Second Panel – Title".
const ORDINAL_PANEL = new RegExp(`^(${ORDINALS.join("|")})\\s+panel\\b\\s*(?:[:.\\-–—]\\s*)?(.*)$`, "i");
// "1. Opening session", "II. Panel 2", "A. Summary": outline numbers before a heading.
const OUTLINE_NUMBER = /^(?:\d+|[IVXLC]+|[A-Z])[.)]\s+/;

export function classifyHeading(rawText: string): HeadingKind {
  const text = stripMarkdown(rawText).replace(/\s*:$/, "").replace(OUTLINE_NUMBER, "").trim();
  const panel = PANEL.exec(text);
  if (panel)
    return { kind: "segment", segment: "panel", number: readPanelNumber(panel[1]), title: panel[2].trim() || text };
  const ordinal = ORDINAL_PANEL.exec(text);
  if (ordinal) {
    const number = ORDINALS.indexOf(ordinal[1].toLowerCase()) + 1;
    return { kind: "segment", segment: "panel", number, title: ordinal[2].trim() || text };
  }
  if (/^opening\b/i.test(text)) return { kind: "segment", segment: "opening", number: null, title: text };
  if (/^closing\b/i.test(text)) return { kind: "segment", segment: "closing", number: null, title: text };
  if (
    /^(summary|general discussion|interactive (debate|discussion)|key (messages|points)|main (messages|points)|conclusions)\b/i.test(
      text,
    )
  ) {
    return { kind: "summary" };
  }
  if (/^annex\b/i.test(text)) return { kind: "annex", title: text };
  return { kind: "label", label: text };
}

function readPanelNumber(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  const word = NUMBER_WORDS.indexOf(token.toLowerCase());
  return word >= 0 ? word + 1 : romanToNumber(token);
}

function romanToNumber(roman: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  const digits = roman
    .toLowerCase()
    .split("")
    .map((c) => values[c]);
  return digits.reduce((sum, value, i) => sum + (value < (digits[i + 1] ?? 0) ? -value : value), 0);
}

// Each list's cue words. The cue nearest the closing colon decides, because an
// introduction such as "concerns were raised on the need for ... Concerns
// presented were:" names its own list last.
const LIST_CUES: [SummaryListName, RegExp][] = [
  ["consensus", /\bconsensus\b|\bagreed\b|\bagreement\b|\bconverged?\b/gi],
  ["gaps", /\bgaps?\b|\bshortcomings\b|\bchallenges\b/gi],
  ["inFavour", /\bin favou?r\b|\barguments for\b|\bbenefits\b/gi],
  ["should", /\bshould\b|\bmust\b|\bought to\b|\brecommendations?\b/gi],
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
