/**
 * Query expansion for source suggestions. A drafter paraphrases: the plan
 * says "funding" where a speaker said "resources", "survivors" where the
 * summary says "victims". Stemming joins "prevent" and "prevention" but not
 * "identify" and "identification", nor two words for one idea, so the
 * passage's lexemes are widened with a small thesaurus (thesaurus.json):
 *   - variants of a passage word count as the word itself (weight 1);
 *   - related words count for `relatedWeight` (below 1), so a unit that
 *     uses the passage's own words still ranks above one that only
 *     paraphrases them.
 */

/** A thesaurus whose words are already lexemes, as PostgreSQL's English stemmer writes them. */
export type StemmedThesaurus = { variants: string[][]; related: string[][] };

/**
 * Every lexeme to search for, with its weight: the passage's own lexemes
 * (1), their variants (1), then related lexemes (`relatedWeight`). A lexeme
 * reached twice keeps its highest weight. Relations are not followed
 * further than one step, so "fund" → "resourc" does not lead on to
 * whatever else "resourc" is related to.
 */
export function expandQuery(options: {
  lexemes: readonly string[];
  thesaurus: StemmedThesaurus;
  relatedWeight: number;
}): Map<string, number> {
  const { lexemes, thesaurus, relatedWeight } = options;
  const weights = new Map<string, number>();
  const raise = (lexeme: string, weight: number) => {
    if ((weights.get(lexeme) ?? 0) < weight) weights.set(lexeme, weight);
  };
  for (const lexeme of lexemes) raise(lexeme, 1);
  // Variants first, so that a related group is entered from a variant too
  // ("identification" reaches what "identify" is related to).
  const own = new Set(lexemes);
  for (const group of thesaurus.variants) {
    if (group.some((lexeme) => own.has(lexeme))) for (const lexeme of group) raise(lexeme, 1);
  }
  const asked = new Set(weights.keys());
  for (const group of thesaurus.related) {
    if (group.some((lexeme) => asked.has(lexeme))) for (const lexeme of group) raise(lexeme, relatedWeight);
  }
  return weights;
}
