/**
 * Ranks the sentences of statements and the summary-list items of a dialogue
 * by relevance to a passage of the plan: PostgreSQL full-text search with
 * English stemming (ts_rank_cd, cover density, over GIN-indexed tsvectors),
 * the passage's words OR-ed together, then a boost for list items whose key
 * phrases the passage uses — the agreed wording weighs most.
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
};

/** How much a list item's score grows for each of its key phrases that the passage uses. */
const KEY_PHRASE_BOOST = 1;
/** Candidates fetched before the key-phrase boost reorders them. */
const CANDIDATES = 60;

export async function suggestSources(options: {
  dialogueId: string;
  text: string;
  limit?: number;
  /** Target keys never to suggest (already linked, or rejected for this passage). */
  excludeTargetKeys?: Set<string>;
  db?: Tx;
}): Promise<Suggestion[]> {
  const { dialogueId, text, limit = 10, excludeTargetKeys = new Set(), db = getPrisma() } = options;
  const common = await findCommonLexemes(db, dialogueId);
  const rows = await db.$queryRaw<Row[]>`
    WITH q AS (
      SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) AS query
      FROM unnest(to_tsvector('english', ${text}))
      WHERE lexeme <> ALL(${common}::text[])
    )
    SELECT * FROM (
      SELECT 'sentence' AS kind, se.id, se."statementId" AS statement_id, se.key AS address, se.text, NULL::text[] AS key_phrases,
             sp.name AS speaker, sp.affiliation, sg.title AS segment, ts_rank_cd(se.search, q.query, 1) AS rank
      FROM "Sentence" se
      JOIN "Statement" st ON st.id = se."statementId"
      JOIN "Speaker" sp ON sp.id = st."speakerId"
      JOIN "Segment" sg ON sg.id = st."segmentId", q
      WHERE se."dialogueId" = ${dialogueId} AND q.query IS NOT NULL AND se.search @@ q.query
      UNION ALL
      SELECT 'item', i.id, NULL, i.key, i.text, i."keyPhrases", NULL, NULL, NULL, ts_rank_cd(i.search, q.query, 1)
      FROM "SummaryItem" i, q
      WHERE i."dialogueId" = ${dialogueId} AND q.query IS NOT NULL AND i.search @@ q.query
    ) AS candidate
    ORDER BY rank DESC
    LIMIT ${CANDIDATES}`;
  const passage = normalisePhrase(text);
  return rows
    .map((row) => toSuggestion(row, passage))
    .filter((s) => !excludeTargetKeys.has(s.targetKey))
    .sort((a, b) => b.score - a.score || a.address.localeCompare(b.address))
    .slice(0, limit);
}

/** Words in more than this share of a dialogue's sentences say nothing about relevance ("plan", "trafficking"). */
const COMMON_SHARE = 0.2;
const COMMON_TTL_MS = 60_000;
const commonLexemes = new Map<string, { words: string[]; at: number }>();

/**
 * The dialogue's most common stemmed words, which are left out of the query
 * (a cheap inverse document frequency). Cached per dialogue for a minute, as
 * counting them reads every sentence.
 */
async function findCommonLexemes(db: Tx, dialogueId: string): Promise<string[]> {
  const cached = commonLexemes.get(dialogueId);
  if (cached && Date.now() - cached.at < COMMON_TTL_MS) return cached.words;
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT word FROM ts_stat(format('SELECT search FROM "Sentence" WHERE "dialogueId" = %L', ${dialogueId}::text))
    WHERE ndoc > ${COMMON_SHARE}::float8 * (SELECT count(*) FROM "Sentence" WHERE "dialogueId" = ${dialogueId})`;
  const words = rows.map((r) => r.word);
  commonLexemes.set(dialogueId, { words, at: Date.now() });
  return words;
}

function toSuggestion(row: Row, passage: string): Suggestion {
  const usedPhrases = (row.key_phrases ?? []).filter((phrase) => passage.includes(normalisePhrase(phrase))).length;
  const score = Number(row.rank) * (1 + KEY_PHRASE_BOOST * usedPhrases);
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
