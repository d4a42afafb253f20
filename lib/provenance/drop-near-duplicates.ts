/**
 * Folds near-identical suggestions into one. A long dialogue repeats
 * itself: a summary item restates a sentence word for word, a speaker reads
 * the same line in two sessions. Ten slots that show one sentence five times
 * hide five other sources, so only the best-ranked of each group is kept,
 * and it carries the addresses of the others so that none is lost.
 */

/** Share of distinct words two texts must have in common (Jaccard) to count as one. */
const NEAR_DUPLICATE_SIMILARITY = 0.9;

/**
 * Keeps, in order, each hit that is not a near-duplicate of one kept before
 * it, and lists under it the addresses of those it stands for. Stops once
 * `limit` hits are kept. Words are compared lower-cased, letters and digits
 * only, so punctuation and case never make two texts differ.
 */
export function dropNearDuplicates<T extends { address: string }>(options: {
  hits: readonly T[];
  /** The text to compare of a hit. */
  textOf: (hit: T) => string;
  limit: number;
}): (T & { duplicates: string[] })[] {
  const { hits, textOf, limit } = options;
  const kept: { hit: T & { duplicates: string[] }; words: Set<string> }[] = [];
  for (const hit of hits) {
    const words = new Set(
      textOf(hit)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [],
    );
    const twin = kept.find((k) => computeSimilarity(k.words, words) >= NEAR_DUPLICATE_SIMILARITY);
    if (twin) {
      twin.hit.duplicates.push(hit.address);
      continue;
    }
    if (kept.length === limit) break;
    kept.push({ hit: { ...hit, duplicates: [] }, words });
  }
  return kept.map((k) => k.hit);
}

function computeSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
