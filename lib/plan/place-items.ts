/**
 * Where seeding puts each list item of a dialogue: the sections of the
 * template its words point to. Pure (the words come in as PostgreSQL's
 * lexemes, read by lib/text/read-lexemes.ts), so every rule is tested without
 * a database. In order:
 *
 *   1. list: a section that takes the item's whole list (a resolution's
 *      preamble takes what was agreed) holds it, and nothing else does.
 *   2. key phrase: sections whose phrases the item uses. A section's anchor
 *      (a word that defines it: "target", "funding", "monitoring") always
 *      brings the item there. Besides, a phrase inside the item's own key
 *      phrases (its bold words: what the item is about) decides; without
 *      one, every section scoring at least half the best holds it. At most
 *      MAX_SECTIONS, anchors first, so one item is not copied everywhere.
 *   3. similarity: BM25 of the item against each section's title and
 *      phrases, when the best is at least SIMILARITY_MIN and shares at least
 *      two words with the item (one shared word, "local" or "shared", is
 *      chance, not similarity).
 *   4. fallback: a "should" item or a concern that matched nothing goes to
 *      the template's fallback section, so every one has a home. Items of the
 *      other lists go only where they fit.
 */
import type { SummaryListName } from "@/lib/dialogue/types";
import type { Lexemes } from "@/lib/text/read-lexemes";

export type PlacementMethod = "list" | "key_phrase" | "similarity" | "fallback";

export type PlaceableItem = {
  list: SummaryListName;
  words: Lexemes;
  /** The lexemes of the item's key phrases (its bold words). */
  keyPhraseWords: Set<string>;
};

export type PlaceableSection = {
  key: string;
  /** Anchors first (isAnchor), then the other phrases. */
  phrases: { text: string; lexemes: string[]; isAnchor: boolean }[];
  takes: SummaryListName[];
  fallback: boolean;
  /** Title and phrases: what the section is about, for the similarity step. */
  profile: Lexemes;
};

export type Placement = {
  sectionKey: string;
  method: PlacementMethod;
  /** Why, in words: the phrases matched, the list taken, or the similarity score. */
  evidence: string;
};

export const MAX_SECTIONS = 4;
/** A section scoring at least this share of the best also holds an item that no key phrase decides. */
const SHARE_OF_BEST = 0.5;
/** Below this BM25 score, an item is not similar enough to any section to be placed by similarity. */
export const SIMILARITY_MIN = 1.5;
/** Lexemes of a phrase may stand this many positions apart in the item (stopwords and hyphenated parts between). */
const PHRASE_WINDOW = 3;
const FALLBACK_LISTS: ReadonlySet<SummaryListName> = new Set(["should", "concerns"]);
const BM25_K1 = 1.2;
const BM25_B = 0.75;

export function placeItem(item: PlaceableItem, sections: PlaceableSection[]): Placement[] {
  const taker = sections.find((s) => s.takes.includes(item.list));
  if (taker) return [{ sectionKey: taker.key, method: "list", evidence: `takes the ${item.list} list` }];
  return placeByPhrases(item, sections) ?? placeBySimilarity(item, sections) ?? placeInFallback(item, sections) ?? [];
}

function placeByPhrases(item: PlaceableItem, sections: PlaceableSection[]): Placement[] | null {
  const scored = sections
    .filter((s) => !s.fallback && !s.takes.length)
    .map((section) => {
      const matched = section.phrases.filter((p) => usesPhrase(item.words, p.lexemes));
      const isAnchored = matched.some((p) => p.isAnchor);
      const isKey = matched.some((p) => p.lexemes.some((l) => item.keyPhraseWords.has(l)));
      const score = matched.reduce((sum, p) => sum + p.lexemes.length, 0);
      return { section, matched, isAnchored, isKey, score };
    })
    .filter((s) => s.score > 0);
  if (!scored.length) return null;
  const best = Math.max(...scored.map((s) => s.score));
  const decided = scored.some((s) => s.isKey)
    ? scored.filter((s) => s.isKey)
    : scored.filter((s) => s.score >= best * SHARE_OF_BEST);
  return scored
    .filter((s) => s.isAnchored || decided.includes(s))
    .sort((a, b) => Number(b.isAnchored) - Number(a.isAnchored) || b.score - a.score)
    .slice(0, MAX_SECTIONS)
    .map(({ section, matched }) => ({
      sectionKey: section.key,
      method: "key_phrase" as const,
      evidence: matched.map((p) => `“${p.text}”`).join(", "),
    }));
}

/** Do the phrase's lexemes stand in the item in order, each within PHRASE_WINDOW positions of the one before? */
export function usesPhrase(words: Lexemes, phrase: string[]): boolean {
  if (!phrase.length) return false;
  const follow = (index: number, after: number): boolean =>
    index === phrase.length ||
    (words.get(phrase[index]) ?? []).some((p) => p > after && p <= after + PHRASE_WINDOW && follow(index + 1, p));
  return (words.get(phrase[0]) ?? []).some((p) => follow(1, p));
}

function placeBySimilarity(item: PlaceableItem, sections: PlaceableSection[]): Placement[] | null {
  const candidates = sections.filter((s) => !s.fallback && !s.takes.length);
  const ranked = candidates
    .filter((section) => [...item.words.keys()].filter((lexeme) => section.profile.has(lexeme)).length >= 2)
    .map((section) => ({ section, score: bm25(item.words, section.profile, candidates) }))
    .sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top || top.score < SIMILARITY_MIN) return null;
  return [{ sectionKey: top.section.key, method: "similarity", evidence: `similarity ${top.score.toFixed(2)}` }];
}

function bm25(query: Lexemes, profile: Lexemes, corpus: PlaceableSection[]): number {
  const lengthOf = (l: Lexemes) => [...l.values()].reduce((sum, p) => sum + p.length, 0);
  const averageLength = corpus.reduce((sum, s) => sum + lengthOf(s.profile), 0) / corpus.length;
  const length = lengthOf(profile);
  let score = 0;
  for (const lexeme of query.keys()) {
    const frequency = profile.get(lexeme)?.length ?? 0;
    if (!frequency) continue;
    const holders = corpus.filter((s) => s.profile.has(lexeme)).length;
    const idf = Math.log(1 + (corpus.length - holders + 0.5) / (holders + 0.5));
    score +=
      (idf * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
  }
  return score;
}

function placeInFallback(item: PlaceableItem, sections: PlaceableSection[]): Placement[] | null {
  const fallback = sections.find((s) => s.fallback);
  if (!fallback || !FALLBACK_LISTS.has(item.list)) return null;
  return [{ sectionKey: fallback.key, method: "fallback", evidence: "matched no section" }];
}
