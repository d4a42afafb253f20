/**
 * The second stage of source suggestions: scores the units that the
 * full-text stage kept (see suggest-sources.ts). Pure, so every rule can be
 * tested without a database. A unit's score is
 *
 *   ( BM25 over the passage's lexemes and their expansions, each weighted
 *   + PROXIMITY_WEIGHT × rare word pairs that stand close together in both
 *   + CONTEXT_WEIGHT   × BM25 of the rest of a sentence's statement )
 *   × (1 + KEY_PHRASE_BOOST × key phrases of a list item that the passage uses)
 *
 * - Weights come from expandQuery: 1 for the passage's words, less for
 *   related words, so a paraphrase is found but the passage's own wording
 *   still ranks first.
 * - Proximity: "human rights", "root causes", "technical assistance" say
 *   more together than apart; a pair counts when its words are within
 *   PROXIMITY_WINDOW positions of each other in the passage and in the unit.
 * - Context: a sentence such as "It should contain recommended actions"
 *   leans on its statement for what "it" is; the statement's evidence counts
 *   for a fraction, so a sentence of a statement on the passage's topic
 *   outranks a stray sentence that shares one word.
 * - Key phrases: the summary's agreed wording weighs most, so a list item
 *   whose key phrase the passage uses (its words, close together) is lifted.
 */

/** One unit kept by the full-text stage, with what scoring needs to know of it. */
export type Candidate = {
  kind: "sentence" | "item";
  address: string;
  text: string;
  /** Positions in the unit of each searched lexeme it contains. */
  terms: Map<string, number[]>;
  /** Distinct lexemes in the unit: BM25's document length. */
  length: number;
  /** For a sentence, its statement: frequency of each searched lexeme, and distinct lexemes. */
  context: { terms: Map<string, number>; length: number } | null;
  /** A list item's key phrases, each as its lexemes. */
  keyPhrases: string[][];
};

export type RankingStats = {
  units: number;
  averageLength: number;
  averageContextLength: number;
  /** Units (sentences and list items) that contain each lexeme. */
  documentFrequency: Map<string, number>;
};

export type RankingQuery = {
  /** Every lexeme searched for, with its weight (expandQuery). */
  weights: Map<string, number>;
  /** Positions in the passage of the passage's own lexemes. */
  positions: Map<string, number[]>;
};

export type RankedCandidate<T extends Candidate> = { candidate: T; score: number };

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Per key phrase of two lexemes or more that the passage uses; single words ("strengthen") are too generic. */
const KEY_PHRASE_BOOST = 0.5;
/** Share of the BM25 of the rest of its statement added to a sentence. */
const CONTEXT_WEIGHT = 0.1;
/** Per pair of the passage's words found close together, times the rarer word's IDF. */
const PROXIMITY_WEIGHT = 0.5;
/** Positions apart (stopwords included, so "protection of victims" is 2). */
const PROXIMITY_WINDOW = 3;

/** Scores every candidate and returns them best first (ties by address, so the order is stable). */
export function rankCandidates<T extends Candidate>(options: {
  candidates: readonly T[];
  query: RankingQuery;
  stats: RankingStats;
}): RankedCandidate<T>[] {
  const { candidates, query, stats } = options;
  const idf = (lexeme: string) => {
    const df = stats.documentFrequency.get(lexeme) ?? 1;
    return Math.log(1 + (stats.units - df + 0.5) / (df + 0.5));
  };
  const pairs = findPassagePairs(query.positions);
  return candidates
    .map((candidate) => {
      const frequencies = new Map([...candidate.terms].map(([lexeme, positions]) => [lexeme, positions.length]));
      let score = scoreBm25({
        frequencies,
        length: candidate.length,
        averageLength: stats.averageLength,
        weights: query.weights,
        idf,
      });
      score += PROXIMITY_WEIGHT * scoreProximity(candidate.terms, pairs, idf);
      if (candidate.context) {
        // Only what the sentence itself lacks: its own words are counted above.
        const rest = new Map([...candidate.context.terms].filter(([lexeme]) => !candidate.terms.has(lexeme)));
        score +=
          CONTEXT_WEIGHT *
          scoreBm25({
            frequencies: rest,
            length: candidate.context.length,
            averageLength: stats.averageContextLength,
            weights: query.weights,
            idf,
          });
      }
      const usedPhrases = candidate.keyPhrases.filter(
        (phrase) => phrase.length >= 2 && isPhraseUsed(phrase, query.positions),
      ).length;
      return { candidate, score: score * (1 + KEY_PHRASE_BOOST * usedPhrases) };
    })
    .sort((a, b) => b.score - a.score || a.candidate.address.localeCompare(b.candidate.address));
}

function scoreBm25(options: {
  frequencies: Map<string, number>;
  length: number;
  averageLength: number;
  weights: Map<string, number>;
  idf: (lexeme: string) => number;
}): number {
  const { frequencies, length, averageLength, weights, idf } = options;
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * length) / (averageLength || 1));
  let score = 0;
  for (const [lexeme, tf] of frequencies) {
    const weight = weights.get(lexeme) ?? 0;
    if (weight > 0 && tf > 0) score += (weight * idf(lexeme) * tf * (BM25_K1 + 1)) / (tf + norm);
  }
  return score;
}

/** Pairs of distinct passage lexemes that stand within the window of each other in the passage. */
function findPassagePairs(positions: Map<string, number[]>): [string, string][] {
  const lexemes = [...positions.keys()].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < lexemes.length; i++) {
    for (let j = i + 1; j < lexemes.length; j++) {
      if (findDistance(positions.get(lexemes[i])!, positions.get(lexemes[j])!) <= PROXIMITY_WINDOW)
        pairs.push([lexemes[i], lexemes[j]]);
    }
  }
  return pairs;
}

function scoreProximity(
  terms: Map<string, number[]>,
  pairs: [string, string][],
  idf: (lexeme: string) => number,
): number {
  let score = 0;
  for (const [a, b] of pairs) {
    const at = terms.get(a);
    const bt = terms.get(b);
    if (at && bt && findDistance(at, bt) <= PROXIMITY_WINDOW) score += Math.min(idf(a), idf(b));
  }
  return score;
}

/** Closest distance between a position of one list and a position of the other. */
function findDistance(first: number[], second: number[]): number {
  let best = Infinity;
  for (const x of first) for (const y of second) best = Math.min(best, Math.abs(x - y));
  return best;
}

/**
 * A key phrase is used when the passage has all its lexemes within a span of
 * twice the phrase's length, so "protect the victims" uses "protection of
 * victims" but a passage that says "protect" early and "victims" at its end
 * does not.
 */
function isPhraseUsed(phrase: string[], positions: Map<string, number[]>): boolean {
  const lists = phrase.map((lexeme) => positions.get(lexeme));
  if (lists.some((list) => !list)) return false;
  const limit = 2 * phrase.length;
  // From each position of the first lexeme, the nearest position of every other.
  return lists[0]!.some((start) => {
    const nearest = lists.map((list) =>
      list!.reduce((best, p) => (Math.abs(p - start) < Math.abs(best - start) ? p : best)),
    );
    return Math.max(...nearest) - Math.min(...nearest) <= limit;
  });
}
