/**
 * Which of a passage's lexemes the full-text stage of source suggestions
 * searches for. Every lexeme still counts in scoring (rank-candidates.ts);
 * this only bounds how many units the first, per-row ranking must look at.
 * Searching for every word a passage shares with a large dialogue matches
 * most of it ("cooperation", "measures"), and ts_rank over thousands of rows
 * is what made suggestions slow; a unit that has none of the passage's
 * rarest words seldom ranks high anyway (the same bet as max-score pruning).
 */

/**
 * Units the chosen lexemes may match in all (the sum of their document
 * frequencies): on the 12,500-unit benchmark dialogue, about 6% of it. A
 * dialogue of a few hundred units seldom reaches it, so there every
 * informative word is searched.
 */
const MATCH_BUDGET = 800;
/** Lexemes searched whatever the budget, so a passage of frequent words still finds something. */
const MIN_LEXEMES = 3;

/**
 * The rarest lexemes first — a related word (weight below 1) counts as if
 * 1 / weight times as frequent — adding more while the units they can match
 * stay within the budget. Common lexemes (in more than a set share of the
 * dialogue's units) are left out, unless the passage has nothing rarer.
 * Lexemes the dialogue does not have are never searched.
 */
export function choosePrefilterLexemes(options: {
  /** Lexeme → weight, as from expandQuery. */
  weights: Map<string, number>;
  /** Lexeme → number of units that contain it. */
  documentFrequency: Map<string, number>;
  common: Set<string>;
  matchBudget?: number;
}): string[] {
  const { weights, documentFrequency, common, matchBudget = MATCH_BUDGET } = options;
  const frequencyOf = (lexeme: string) => documentFrequency.get(lexeme) ?? 0;
  const found = [...weights.keys()].filter((lexeme) => frequencyOf(lexeme) > 0 && weights.get(lexeme)! > 0);
  const informative = found.filter((lexeme) => !common.has(lexeme));
  const cost = (lexeme: string) => frequencyOf(lexeme) / weights.get(lexeme)!;
  const pool = (informative.length ? informative : found).sort((a, b) => cost(a) - cost(b) || a.localeCompare(b));
  const chosen: string[] = [];
  let matches = 0;
  for (const lexeme of pool) {
    if (chosen.length >= MIN_LEXEMES && matches + frequencyOf(lexeme) > matchBudget) break;
    chosen.push(lexeme);
    matches += frequencyOf(lexeme);
  }
  return chosen;
}
