/**
 * The kinds of paragraph a General Assembly text is written in, and the
 * phrases that open them. A kind is an attribute of the paragraph node, not a
 * node type of its own: switching kind then changes one attribute in the Yjs
 * document, so the paragraph's text items — which comment anchors (relative
 * positions) and concurrent edits point into — survive the switch, as a
 * replaced node's would not.
 */
import { z } from "@/lib/validation/zod";

export const PARAGRAPH_KINDS = ["plain", "preambular", "operative", "subparagraph"] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];
export const ZParagraphKind = z.enum(PARAGRAPH_KINDS);

/** A sub-paragraph's level: 1 is lettered (a), (b); 2 is numbered in roman (i), (ii), below a lettered one. */
export type SubparagraphLevel = 1 | 2;

/** What the toolbar and its shortcut offer: a kind, and for sub-paragraphs the level. */
export type ParagraphStyle = { kind: ParagraphKind; level: SubparagraphLevel };

export const PARAGRAPH_STYLES: readonly (ParagraphStyle & { label: string; shortcut: string })[] = [
  { kind: "plain", level: 1, label: "Plain text", shortcut: "Mod-Alt-0" },
  { kind: "preambular", level: 1, label: "Preambular paragraph", shortcut: "Mod-Alt-7" },
  { kind: "operative", level: 1, label: "Operative paragraph", shortcut: "Mod-Alt-8" },
  { kind: "subparagraph", level: 1, label: "Sub-paragraph (a)", shortcut: "Mod-Alt-9" },
  { kind: "subparagraph", level: 2, label: "Sub-paragraph (i)", shortcut: "Mod-Shift-Alt-9" },
];

/** A kind read from stored JSON or a Y.Doc attribute: anything unknown is plain text. */
export function readParagraphKind(value: unknown): ParagraphKind {
  return ZParagraphKind.safeParse(value).data ?? "plain";
}

export function readSubparagraphLevel(value: unknown): SubparagraphLevel {
  return Number(value) === 2 ? 2 : 1;
}

/**
 * The phrases General Assembly resolutions open their paragraphs with, longest
 * first where one begins another. A paragraph opening with none of them has
 * its first word as its opening phrase.
 */
const PREAMBULAR_PHRASES = [
  "Acknowledging",
  "Affirming",
  "Alarmed by",
  "Alarmed",
  "Aware of",
  "Aware",
  "Bearing in mind",
  "Believing",
  "Commending",
  "Concerned",
  "Conscious",
  "Convinced",
  "Deeply concerned",
  "Deeply alarmed",
  "Deeply conscious",
  "Deeply convinced",
  "Deploring",
  "Desiring",
  "Determined",
  "Emphasizing",
  "Encouraged",
  "Expressing its appreciation",
  "Expressing concern",
  "Further recalling",
  "Gravely concerned",
  "Guided by",
  "Having considered",
  "Having examined",
  "Keeping in mind",
  "Mindful",
  "Noting with appreciation",
  "Noting with concern",
  "Noting with deep concern",
  "Noting with satisfaction",
  "Noting also",
  "Noting",
  "Reaffirming",
  "Recalling also",
  "Recalling",
  "Recognizing also",
  "Recognizing",
  "Reiterating",
  "Stressing",
  "Taking into account",
  "Taking into consideration",
  "Taking note",
  "Underlining",
  "Welcoming",
];

const OPERATIVE_PHRASES = [
  "Accepts",
  "Acknowledges",
  "Adopts",
  "Affirms",
  "Also calls upon",
  "Also decides",
  "Also requests",
  "Also urges",
  "Appeals",
  "Approves",
  "Calls upon",
  "Calls on",
  "Commends",
  "Condemns",
  "Decides",
  "Declares",
  "Emphasizes",
  "Encourages",
  "Endorses",
  "Expresses its appreciation",
  "Expresses its concern",
  "Further invites",
  "Further requests",
  "Invites",
  "Notes with appreciation",
  "Notes with concern",
  "Notes",
  "Reaffirms",
  "Recognizes",
  "Recommends",
  "Reiterates",
  "Requests",
  "Resolves",
  "Stresses",
  "Strongly condemns",
  "Strongly encourages",
  "Strongly urges",
  "Takes note",
  "Underlines",
  "Urges",
  "Welcomes",
];

/** Longest first, so "Noting with concern" is found before "Noting". */
const PHRASES_BY_KIND: Partial<Record<ParagraphKind, string[]>> = {
  preambular: [...PREAMBULAR_PHRASES].sort((a, b) => b.length - a.length),
  operative: [...OPERATIVE_PHRASES].sort((a, b) => b.length - a.length),
};

/**
 * How many characters of the text are its opening phrase, printed in italics:
 * a known phrase of its kind, or else its first word. Zero for kinds without one.
 */
export function measureOpeningPhrase(text: string, kind: ParagraphKind): number {
  const phrases = PHRASES_BY_KIND[kind];
  if (!phrases) return 0;
  const lead = text.length - text.trimStart().length;
  const body = text.slice(lead);
  const phrase = phrases.find((candidate) => startsWithWord(body, candidate));
  if (phrase) return lead + phrase.length;
  const firstWord = /^[^\s,;:.]+/.exec(body);
  return firstWord ? lead + firstWord[0].length : 0;
}

function startsWithWord(text: string, phrase: string): boolean {
  return text.startsWith(phrase) && !/[\p{L}\p{N}]/u.test(text.charAt(phrase.length));
}
