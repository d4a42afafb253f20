/**
 * A plain Okapi BM25 ranker (k1 = 1.2, b = 0.75) in memory, as the baseline
 * that the suggestion quality benchmark holds `suggestSources` against. It
 * is deliberately textbook: a simple English tokenizer, a small stopword
 * list and a light suffix-stripping stemmer, so that a ranker which cannot
 * beat it has something to learn, and one that does has earned it.
 */

export type Bm25Unit = { address: string; text: string };

export type Bm25Index = {
  units: Bm25Unit[];
  /** Term frequencies of each unit, in the order of `units`. */
  termCounts: Map<string, number>[];
  lengths: number[];
  averageLength: number;
  /** Number of units containing each term. */
  documentFrequency: Map<string, number>;
  k1: number;
  b: number;
};

export type Bm25Hit = { address: string; score: number; text: string };

const K1 = 1.2;
const B = 0.75;

// Function words only: topic words such as "trafficking" are left to IDF,
// which is the point of comparing against BM25.
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his " +
    "how i if in into is it its itself just may me might more most must my myself no nor not now of off on once only or other our ours " +
    "ourselves out over own same shall she should so some such than that the their theirs them themselves then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would you your yours"
  ).split(" "),
);

// Longest first, so "ments" wins over "s". "ies"/"es" and a final "e" or "y"
// are normalised after stripping, so "countries"/"country" and
// "measures"/"measure" meet on one stem.
const SUFFIXES = ["ments", "ment", "ings", "ing", "ions", "ion", "ies", "es", "ed", "ly", "s"];
const MIN_STEM = 3;

/** Lower-cases, splits on anything that is not a letter, drops stopwords and stems. */
export function tokenizeForBm25(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stemWord);
}

/** A light stemmer: strips one common inflectional suffix, then a final "e", and turns a final "y" into "i". */
export function stemWord(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) {
      // "ss" is not a plural ("process", "access").
      if (suffix === "s" && (stem.endsWith("ss") || stem.endsWith("us") || stem.endsWith("is"))) break;
      stem = stem.slice(0, -suffix.length);
      if (suffix === "ies") stem += "i";
      break;
    }
  }
  if (stem.length > MIN_STEM && stem.endsWith("e")) stem = stem.slice(0, -1);
  if (stem.length > MIN_STEM && stem.endsWith("y")) stem = `${stem.slice(0, -1)}i`;
  return stem;
}

/** Tokenizes every unit once and counts what BM25 needs. */
export function createBm25Index(units: Bm25Unit[], options: { k1?: number; b?: number } = {}): Bm25Index {
  const termCounts: Map<string, number>[] = [];
  const lengths: number[] = [];
  const documentFrequency = new Map<string, number>();
  for (const unit of units) {
    const counts = new Map<string, number>();
    const tokens = tokenizeForBm25(unit.text);
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    termCounts.push(counts);
    lengths.push(tokens.length);
  }
  const averageLength = lengths.length ? lengths.reduce((sum, n) => sum + n, 0) / lengths.length : 0;
  return { units, termCounts, lengths, averageLength, documentFrequency, k1: options.k1 ?? K1, b: options.b ?? B };
}

/**
 * The `limit` units scoring highest for `text`, best first (ties by address).
 * Each distinct query term counts once; units matching no term are left out.
 * IDF is the non-negative form ln(1 + (N − df + 0.5) / (df + 0.5)), so a
 * term in most units still adds a little rather than subtracting.
 */
export function rankBm25(index: Bm25Index, text: string, limit: number): Bm25Hit[] {
  const { units, termCounts, lengths, averageLength, documentFrequency, k1, b } = index;
  const terms = [...new Set(tokenizeForBm25(text))].filter((term) => documentFrequency.has(term));
  const idf = new Map(terms.map((term) => [term, computeIdf(units.length, documentFrequency.get(term)!)]));
  const hits: Bm25Hit[] = [];
  termCounts.forEach((counts, i) => {
    let score = 0;
    const norm = k1 * (1 - b + (b * lengths[i]) / (averageLength || 1));
    for (const term of terms) {
      const tf = counts.get(term);
      if (tf) score += idf.get(term)! * ((tf * (k1 + 1)) / (tf + norm));
    }
    if (score > 0) hits.push({ address: units[i].address, score, text: units[i].text });
  });
  return hits.sort((x, y) => y.score - x.score || x.address.localeCompare(y.address)).slice(0, limit);
}

function computeIdf(unitCount: number, documentFrequency: number): number {
  return Math.log(1 + (unitCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
