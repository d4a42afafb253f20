/**
 * Ranks the sentences of statements and the summary-list items of a dialogue
 * by relevance to a passage of the plan, in two stages:
 *   1. PostgreSQL full-text search with English stemming: the passage's
 *      words OR-ed together against GIN-indexed tsvectors; ts_rank keeps
 *      PREFILTER matches per table and ts_rank_cd (cover density) the best
 *      CANDIDATES of those (bench/suggest-latency.ts: p99 112 → 46 ms on a
 *      1,600-statement dialogue);
 *   2. those are scored with BM25 on the same stemmed lexemes, so a rare word
 *      ("survivor", "compensate") weighs more than a common one ("state",
 *      "member"), and list items whose key phrases the passage uses get a
 *      boost — the agreed wording weighs most.
 */
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { normalisePhrase } from "@/lib/plan/template";

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
};

type Row = {
  kind: "sentence" | "item";
  id: string;
  statement_id: string | null;
  address: string;
  text: string;
  key_phrases: string[] | null;
  speaker: string | null;
  affiliation: string | null;
  segment: string | null;
  rank: number;
  /** "lexeme:tf" for each of the passage's lexemes that the unit contains. */
  terms: string[];
  /** Distinct lexemes in the unit: BM25's document length (cheap, and the average is taken the same way). */
  length: number;
};

/**
 * How much a list item's score grows for each of its key phrases that the
 * passage uses. Only phrases of two words or more count: single words
 * ("strengthen", "focus") are too generic to say the passage is about the item.
 */
const KEY_PHRASE_BOOST = 0.5;
/** Units kept by the full-text stage for BM25 to reorder. */
const CANDIDATES = 100;
/** Matches per table kept by the cheapest ranking before cover density is computed. */
const PREFILTER = 300;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

export async function suggestSources(options: {
  dialogueId: string;
  text: string;
  limit?: number;
  /** Target keys never to suggest (already linked, or rejected for this passage). */
  excludeTargetKeys?: Set<string>;
  db?: Tx;
}): Promise<Suggestion[]> {
  const { dialogueId, text, limit = 10, excludeTargetKeys = new Set(), db = getPrisma() } = options;
  const stats = await findLexemeStats(db, dialogueId);
  const common = stats.common;
  // Rank on the tsvectors alone, then join speaker and segment for the winners only:
  // on a large dialogue the OR query matches thousands of sentences.
  const rows = await db.$queryRaw<Row[]>`
    WITH q AS (
      SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) AS query, array_agg(lexeme) AS lexemes
      FROM unnest(to_tsvector('english', ${text}))
      -- "non-governmental" also yields "non" and "government"; the compound would count it thrice.
      WHERE lexeme <> ALL(${common}::text[]) AND position('-' in lexeme) = 0
    ),
    -- ts_rank is cheap; cover density (ts_rank_cd) then orders the best few hundred.
    matched AS (
      (SELECT 'sentence' AS kind, se.id, se.search
       FROM "Sentence" se, q
       WHERE se."dialogueId" = ${dialogueId} AND q.query IS NOT NULL AND se.search @@ q.query
       ORDER BY ts_rank(se.search, q.query) DESC
       LIMIT ${PREFILTER})
      UNION ALL
      (SELECT 'item', i.id, i.search
       FROM "SummaryItem" i, q
       WHERE i."dialogueId" = ${dialogueId} AND q.query IS NOT NULL AND i.search @@ q.query
       ORDER BY ts_rank(i.search, q.query) DESC
       LIMIT ${PREFILTER})
    ),
    ranked AS (
      SELECT m.kind, m.id, m.search, ts_rank_cd(m.search, q.query, 1) AS rank
      FROM matched m, q
      ORDER BY rank DESC
      LIMIT ${CANDIDATES}
    )
    SELECT r.kind, r.id, r.rank,
           ARRAY(SELECT u.lexeme || ':' || array_length(u.positions, 1) FROM unnest(r.search) u WHERE u.lexeme = ANY(q.lexemes)) AS terms,
           length(r.search) AS length,
           COALESCE(se.key, i.key) AS address, COALESCE(se.text, i.text) AS text, i."keyPhrases" AS key_phrases,
           se."statementId" AS statement_id, sp.name AS speaker, sp.affiliation, sg.title AS segment
    FROM ranked r CROSS JOIN q
    LEFT JOIN "Sentence" se ON r.kind = 'sentence' AND se.id = r.id
    LEFT JOIN "Statement" st ON st.id = se."statementId"
    LEFT JOIN "Speaker" sp ON sp.id = st."speakerId"
    LEFT JOIN "Segment" sg ON sg.id = st."segmentId"
    LEFT JOIN "SummaryItem" i ON r.kind = 'item' AND i.id = r.id
    ORDER BY r.rank DESC`;
  const passage = normalisePhrase(text);
  return rows
    .map((row) => toSuggestion(row, passage, stats))
    .filter((s) => !excludeTargetKeys.has(s.targetKey))
    .sort((a, b) => b.score - a.score || a.address.localeCompare(b.address))
    .slice(0, limit);
}

/**
 * Words in more than this share of a dialogue's units say little about
 * relevance ("plan", "trafficking", "stressed") and are left out of the
 * full-text stage. 10% was best on the gold set (bench/suggest-quality.ts).
 */
const COMMON_SHARE = 0.1;
const STATS_TTL_MS = 60_000;

type LexemeStats = { units: number; averageLength: number; documentFrequency: Map<string, number>; common: string[] };
const statsByDialogue = new Map<string, { stats: LexemeStats; at: number }>();

/** How many units of the dialogue contain each lexeme, for BM25. Cached per dialogue for a minute. */
async function findLexemeStats(db: Tx, dialogueId: string): Promise<LexemeStats> {
  const cached = statsByDialogue.get(dialogueId);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  const units = `SELECT search FROM "Sentence" WHERE "dialogueId" = %1$L UNION ALL SELECT search FROM "SummaryItem" WHERE "dialogueId" = %1$L`;
  const [words, totals] = await Promise.all([
    db.$queryRaw<{ word: string; ndoc: number }[]>`SELECT word, ndoc FROM ts_stat(format(${units}, ${dialogueId}::text))`,
    db.$queryRaw<{ units: bigint; positions: bigint }[]>`
      SELECT count(*) AS units, coalesce(sum(length(u.search)), 0) AS positions FROM (
        SELECT search FROM "Sentence" WHERE "dialogueId" = ${dialogueId}
        UNION ALL SELECT search FROM "SummaryItem" WHERE "dialogueId" = ${dialogueId}) AS u`,
  ]);
  const count = Number(totals[0]?.units ?? 0);
  const documentFrequency = new Map(words.map((w) => [w.word, Number(w.ndoc)]));
  const stats: LexemeStats = {
    units: count,
    averageLength: count ? Number(totals[0].positions) / count : 1,
    documentFrequency,
    common: words.filter((w) => Number(w.ndoc) > COMMON_SHARE * count).map((w) => w.word),
  };
  statsByDialogue.set(dialogueId, { stats, at: Date.now() });
  return stats;
}

/** BM25 of one unit for the passage's lexemes it contains ("lexeme:tf"). */
function scoreBm25(terms: string[], length: number, stats: LexemeStats): number {
  let score = 0;
  for (const term of terms) {
    const split = term.lastIndexOf(":");
    const lexeme = term.slice(0, split);
    const tf = Number(term.slice(split + 1)) || 1;
    const df = stats.documentFrequency.get(lexeme) ?? 1;
    const idf = Math.log(1 + (stats.units - df + 0.5) / (df + 0.5));
    score += (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / stats.averageLength));
  }
  return score;
}

function toSuggestion(row: Row, passage: string, stats: LexemeStats): Suggestion {
  const usedPhrases = (row.key_phrases ?? [])
    .filter((phrase) => phrase.trim().includes(" ") && passage.includes(normalisePhrase(phrase))).length;
  const score = scoreBm25(row.terms, row.length, stats) * (1 + KEY_PHRASE_BOOST * usedPhrases);
  if (row.kind === "item") {
    return {
      target: { type: "summary-item", id: row.id, sentenceId: null }, targetKey: `summary-item:${row.id}`,
      score, snippet: row.text, address: row.address, speaker: null, segment: null,
    };
  }
  return {
    target: { type: "statement", id: row.statement_id!, sentenceId: row.id }, targetKey: `sentence:${row.id}`,
    score, snippet: row.text, address: row.address,
    speaker: { name: row.speaker!, affiliation: row.affiliation }, segment: row.segment,
  };
}
