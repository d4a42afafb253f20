/**
 * Ranks the sentences of statements and the summary-list items of a dialogue
 * by relevance to a passage of the plan, in two stages:
 *   1. PostgreSQL full-text search with English stemming against
 *      GIN-indexed tsvectors: the passage's rarest lexemes (and related
 *      words from a small thesaurus, expand-query.ts), within a budget of
 *      matches (choose-prefilter-lexemes.ts), OR-ed together; ts_rank keeps
 *      PREFILTER matches per table and ts_rank_cd (cover density) the best
 *      CANDIDATES of those;
 *   2. rank-candidates.ts scores those in memory on all the passage's
 *      lexemes: BM25 (related words and very common ones weigh less than the
 *      passage's own), a bonus for its word pairs found close together, a
 *      share of the rest of the statement's evidence for each sentence, and
 *      a boost for list items whose key phrases the passage uses — the
 *      agreed wording weighs most. Near-identical hits are then folded into
 *      one (drop-near-duplicates.ts).
 */
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { choosePrefilterLexemes } from "./choose-prefilter-lexemes";
import { dropNearDuplicates } from "./drop-near-duplicates";
import { expandQuery } from "./expand-query";
import type { StemmedThesaurus } from "./expand-query";
import { rankCandidates } from "./rank-candidates";
import type { Candidate, RankingStats } from "./rank-candidates";
import thesaurusWords from "./thesaurus.json";

export type SuggestionTarget = { type: "statement" | "summary-item"; id: string; sentenceId: string | null };

export type Suggestion = {
  target: SuggestionTarget;
  /** "statement:<id>", "sentence:<id>" or "summary-item:<id>", as stored on links. */
  targetKey: string;
  score: number;
  snippet: string;
  /** Reader address of the source, e.g. "panel-2.gupta.s4" or "should-3". */
  address: string;
  speaker: { name: string; affiliation: string | null } | null;
  segment: string | null;
  /** Addresses of near-identical sources folded into this one (usually none). */
  duplicates: string[];
};

type Row = {
  kind: "sentence" | "item";
  id: string;
  statement_id: string | null;
  address: string;
  text: string;
  speaker: string | null;
  affiliation: string | null;
  segment: string | null;
  /** "lexeme:p1,p2" for each searched lexeme that the unit contains. */
  terms: string[];
  /** Distinct lexemes in the unit: BM25's document length (cheap, and the average is taken the same way). */
  length: number;
  /** For a sentence, "lexeme:tf" for each searched lexeme of its whole statement. */
  context_terms: string[];
  context_length: number | null;
};

type RowCandidate = Candidate & { row: Row };

/**
 * Units kept by the full-text stage for the in-memory stage to reorder, at
 * least; three times the limit when that is more. On the gold set the top
 * 50 by cover density hold every source the in-memory stage puts in its top 10.
 */
const CANDIDATES = 50;
/**
 * Matches per table kept by the cheapest ranking before cover density is
 * computed. ts_rank_cd costs about 20 µs a unit on the 1,600-statement
 * benchmark dialogue, so this bounds the query's cost.
 */
const PREFILTER = 100;
/** Factor on the weight of a word in more than COMMON_SHARE of the units. */
const COMMON_WEIGHT = 0.5;
/** Weight of a word related to the passage's (thesaurus.json), against 1 for its own. */
const RELATED_WEIGHT = 0.4;

export async function suggestSources(options: {
  dialogueId: string;
  text: string;
  limit?: number;
  /** Target keys never to suggest (already linked, or rejected for this passage). */
  excludeTargetKeys?: Set<string>;
  db?: Tx;
}): Promise<Suggestion[]> {
  const { dialogueId, text, limit = 10, excludeTargetKeys = new Set(), db = getPrisma() } = options;
  const [stats, thesaurus, passage] = await Promise.all([
    findLexemeStats(db, dialogueId),
    findStemmedThesaurus(db),
    readPassage(db, text),
  ]);
  // "non-governmental" also yields "non" and "government"; the compound would count it thrice.
  const own = [...passage.keys()].filter((lexeme) => !lexeme.includes("-"));
  if (own.length === 0) return [];
  const weights = expandQuery({ lexemes: own, thesaurus, relatedWeight: RELATED_WEIGHT });
  // Words in many units mostly say what kind of text this is ("trafficking", "stressed"), not what it is about.
  for (const [lexeme, weight] of weights) if (stats.common.has(lexeme)) weights.set(lexeme, weight * COMMON_WEIGHT);
  const searched = [...weights.keys()].filter((lexeme) => stats.documentFrequency.has(lexeme));
  if (searched.length === 0) return [];
  const prefilter = choosePrefilterLexemes({
    weights,
    documentFrequency: stats.documentFrequency,
    common: stats.common,
  });
  // The query is inlined, not taken from a CTE, so the planner sees it and can weigh the GIN index against a scan.
  const query = prefilter.map(quoteLexeme).join(" | ");
  const rows = await db.$queryRaw<Row[]>`
    -- ts_rank is cheap; cover density (ts_rank_cd) then orders the best two hundred.
    WITH matched AS (
      (SELECT 'sentence' AS kind, se.id, se.search
       FROM "Sentence" se
       WHERE se."dialogueId" = ${dialogueId} AND se.search @@ to_tsquery('simple', ${query})
       ORDER BY ts_rank(se.search, to_tsquery('simple', ${query})) DESC
       LIMIT ${PREFILTER})
      UNION ALL
      (SELECT 'item', i.id, i.search
       FROM "SummaryItem" i
       WHERE i."dialogueId" = ${dialogueId} AND i.search @@ to_tsquery('simple', ${query})
       ORDER BY ts_rank(i.search, to_tsquery('simple', ${query})) DESC
       LIMIT ${PREFILTER})
    ),
    ranked AS (
      SELECT m.kind, m.id, m.search, ts_rank_cd(m.search, to_tsquery('simple', ${query}), 1) AS rank
      FROM matched m
      ORDER BY rank DESC
      LIMIT ${Math.max(CANDIDATES, 3 * limit)}
    )
    SELECT r.kind, r.id,
           ARRAY(SELECT u.lexeme || ':' || array_to_string(u.positions, ',') FROM unnest(r.search) u WHERE u.lexeme = ANY(${searched}::text[])) AS terms,
           length(r.search) AS length,
           ARRAY(SELECT u.lexeme || ':' || array_length(u.positions, 1) FROM unnest(st.search) u WHERE u.lexeme = ANY(${searched}::text[])) AS context_terms,
           length(st.search) AS context_length,
           COALESCE(se.key, i.key) AS address, COALESCE(se.text, i.text) AS text,
           se."statementId" AS statement_id, sp.name AS speaker, sp.affiliation, sg.title AS segment
    FROM ranked r
    LEFT JOIN "Sentence" se ON r.kind = 'sentence' AND se.id = r.id
    LEFT JOIN "Statement" st ON st.id = se."statementId"
    LEFT JOIN "Speaker" sp ON sp.id = st."speakerId"
    LEFT JOIN "Segment" sg ON sg.id = st."segmentId"
    LEFT JOIN "SummaryItem" i ON r.kind = 'item' AND i.id = r.id
    ORDER BY r.rank DESC`;

  const positions = new Map(own.map((lexeme) => [lexeme, passage.get(lexeme)!]));
  const candidates = rows.map((row) => toCandidate(row, stats.keyPhrases.get(row.id) ?? []));
  const ranked = rankCandidates({ candidates, query: { weights, positions }, stats });
  const suggestions = ranked
    .map(({ candidate, score }) => toSuggestion(candidate.row, score))
    .filter((s) => !excludeTargetKeys.has(s.targetKey));
  return dropNearDuplicates({ hits: suggestions, textOf: (s) => s.snippet, limit });
}

/** A lexeme as a tsquery operand: quoted, so that no character in it is read as an operator. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The passage's lexemes with their positions, as PostgreSQL's English configuration reads them. */
async function readPassage(db: Tx, text: string): Promise<Map<string, number[]>> {
  const rows = await db.$queryRaw<{ lexeme: string; positions: number[] }[]>`
    SELECT lexeme, positions::int[] AS positions FROM unnest(to_tsvector('english', ${text}))`;
  return new Map(rows.map((r) => [r.lexeme, r.positions]));
}

let stemmedThesaurus: Promise<StemmedThesaurus> | null = null;

/** thesaurus.json in lexemes, stemmed once per process by the same configuration as the tsvectors. */
function findStemmedThesaurus(db: Tx): Promise<StemmedThesaurus> {
  stemmedThesaurus ??= (async () => {
    const words = [...new Set([...thesaurusWords.variants, ...thesaurusWords.related].flat())];
    const rows = await db.$queryRaw<{ word: string; lexemes: string[] }[]>`
      SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest(${words}::text[]) AS w`;
    const lexemesOf = new Map(rows.map((r) => [r.word, r.lexemes]));
    // A stopword stems to nothing; a group keeps its distinct lexemes.
    const stem = (groups: string[][]) =>
      groups.map((group) => [...new Set(group.flatMap((word) => lexemesOf.get(word) ?? []))]);
    return { variants: stem(thesaurusWords.variants), related: stem(thesaurusWords.related) };
  })().catch((error: unknown) => {
    stemmedThesaurus = null;
    throw error;
  });
  return stemmedThesaurus;
}

/**
 * Words in more than this share of a dialogue's units say little about
 * relevance ("plan", "trafficking", "stressed") and are left out of the
 * full-text stage (not of scoring, where BM25's IDF already weighs them low).
 */
const COMMON_SHARE = 0.1;
const STATS_TTL_MS = 60_000;

type LexemeStats = RankingStats & {
  common: Set<string>;
  /** Each list item's key phrases as lexemes, by item id: stemmed once here rather than on every call. */
  keyPhrases: Map<string, string[][]>;
};
const statsByDialogue = new Map<string, { stats: LexemeStats; at: number }>();

/** How many units of the dialogue contain each lexeme, for BM25, and its key phrases. Cached per dialogue for a minute. */
async function findLexemeStats(db: Tx, dialogueId: string): Promise<LexemeStats> {
  const cached = statsByDialogue.get(dialogueId);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  const units = `SELECT search FROM "Sentence" WHERE "dialogueId" = %1$L UNION ALL SELECT search FROM "SummaryItem" WHERE "dialogueId" = %1$L`;
  const [words, totals, statements, items] = await Promise.all([
    db.$queryRaw<
      { word: string; ndoc: number }[]
    >`SELECT word, ndoc FROM ts_stat(format(${units}, ${dialogueId}::text))`,
    db.$queryRaw<{ units: bigint; positions: bigint }[]>`
      SELECT count(*) AS units, coalesce(sum(length(u.search)), 0) AS positions FROM (
        SELECT search FROM "Sentence" WHERE "dialogueId" = ${dialogueId}
        UNION ALL SELECT search FROM "SummaryItem" WHERE "dialogueId" = ${dialogueId}) AS u`,
    db.$queryRaw<{ average: number | null }[]>`
      SELECT avg(length(search))::float8 AS average FROM "Statement" WHERE "dialogueId" = ${dialogueId}`,
    // Joined by spaces: a PostgreSQL array of arrays cannot hold phrases of different lengths.
    db.$queryRaw<{ id: string; phrases: string[] }[]>`
      SELECT i.id, ARRAY(SELECT array_to_string(tsvector_to_array(to_tsvector('english', kp)), ' ') FROM unnest(i."keyPhrases") kp) AS phrases
      FROM "SummaryItem" i WHERE i."dialogueId" = ${dialogueId} AND cardinality(i."keyPhrases") > 0`,
  ]);
  const count = Number(totals[0]?.units ?? 0);
  const stats: LexemeStats = {
    units: count,
    averageLength: count ? Number(totals[0].positions) / count : 1,
    averageContextLength: statements[0]?.average || 1,
    documentFrequency: new Map(words.map((w) => [w.word, Number(w.ndoc)])),
    common: new Set(words.filter((w) => Number(w.ndoc) > COMMON_SHARE * count).map((w) => w.word)),
    keyPhrases: new Map(
      items.map((item) => [item.id, item.phrases.map((phrase) => phrase.split(" ").filter(Boolean))]),
    ),
  };
  statsByDialogue.set(dialogueId, { stats, at: Date.now() });
  return stats;
}

function toCandidate(row: Row, keyPhrases: string[][]): RowCandidate {
  const terms = new Map(
    row.terms.map((term) => {
      const split = term.lastIndexOf(":");
      return [
        term.slice(0, split),
        term
          .slice(split + 1)
          .split(",")
          .map(Number),
      ] as const;
    }),
  );
  const context =
    row.kind === "sentence" && row.context_length
      ? {
          terms: new Map(
            row.context_terms.map((term) => {
              const split = term.lastIndexOf(":");
              return [term.slice(0, split), Number(term.slice(split + 1)) || 1] as const;
            }),
          ),
          length: row.context_length,
        }
      : null;
  return { kind: row.kind, address: row.address, text: row.text, terms, length: row.length, context, keyPhrases, row };
}

function toSuggestion(row: Row, score: number): Omit<Suggestion, "duplicates"> {
  const shared = { score, snippet: row.text, address: row.address };
  if (row.kind === "item") {
    return {
      ...shared,
      target: { type: "summary-item", id: row.id, sentenceId: null },
      targetKey: `summary-item:${row.id}`,
      speaker: null,
      segment: null,
    };
  }
  return {
    ...shared,
    target: { type: "statement", id: row.statement_id!, sentenceId: row.id },
    targetKey: `sentence:${row.id}`,
    speaker: { name: row.speaker!, affiliation: row.affiliation },
    segment: row.segment,
  };
}
