/** Splits statement text into sentences with character offsets. */

// Words that end in a full stop without ending a sentence. Kept lower-case.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "prof",
  "st",
  "no",
  "nos",
  "art",
  "arts",
  "para",
  "paras",
  "e.g",
  "i.e",
  "vs",
  "cf",
  "jr",
  "sr",
  "mt",
  "inc",
  "ltd",
  "co",
  "corp",
  "approx",
  "vol",
  "p",
  "pp",
  "fig",
  "op",
  "cit",
  "ibid",
  "amb",
  "hon",
  "rev",
  "gen",
  "gov",
  "sen",
  "rep",
]);

export type SentenceSpan = { start: number; end: number };

/**
 * Finds sentence boundaries: a terminal mark (and any closing quote or
 * bracket) followed by white space and a capital, digit or opening quote.
 * Abbreviations, initials and dotted acronyms ("U.N.") do not end sentences.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /[.!?]["”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\d])/gu;
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0][0] === "." && isAbbreviationBefore(text, match.index)) continue;
    spans.push({ start, end });
    start = skipSpace(text, end);
  }
  const tail = text.trimEnd().length;
  if (start < tail) spans.push({ start, end: tail });
  return spans;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Looks at the word that ends at `dot` (the index of a full stop). */
function isAbbreviationBefore(text: string, dot: number): boolean {
  const word = /(\S+)$/.exec(text.slice(Math.max(0, dot - 40), dot))?.[1] ?? "";
  const bare = word.replace(/^["“‘(\[]+/, "");
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial, as in "J. Smith"
  return /^(?:\p{L}\.)+\p{L}$/u.test(bare); // "U.N", "H.E", "e.g" before the final dot
}
