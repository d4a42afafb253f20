/**
 * Full-text search over the statements and summary items of one dialogue,
 * with PostgreSQL's English stemming ("resources" finds "resource"). Hits
 * carry a short snippet and the character ranges of every match in the full
 * text, so the reader can highlight them in place.
 */
import { z } from "zod";
import { getPrisma } from "@/lib/db";

// Private-use characters cannot occur in a document, so they mark hits safely
// without trusting HTML from the database.
const START = "\uE000";
const STOP = "\uE001";

export const ZSearchQuery = z.string().trim().min(1).max(200);

export type TextRange = { start: number; end: number };
export type SearchHit = {
  kind: "statement" | "item";
  key: string;
  /** Speaker name for a statement, list name for an item. */
  context: string;
  snippet: { text: string; isMatch: boolean }[];
  ranges: TextRange[];
};

type HitRow = { kind: "statement" | "item"; key: string; context: string; text: string; snippet: string; full: string };

export async function searchDialogue({
  dialogueId,
  query,
}: {
  dialogueId: string;
  query: string;
}): Promise<SearchHit[]> {
  const snippetOptions = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
  const fullOptions = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
  const rows = await getPrisma().$queryRaw<HitRow[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query)
    SELECT kind, key, context, text,
           ts_headline('english', text, q.query, ${snippetOptions}) AS snippet,
           ts_headline('english', text, q.query, ${fullOptions}) AS full
    FROM (
      SELECT 'statement' AS kind, s.key, sp.name AS context, s.text, s.search, s.position AS position, 0 AS part
      FROM "Statement" s JOIN "Speaker" sp ON sp.id = s."speakerId"
      WHERE s."dialogueId" = ${dialogueId}
      UNION ALL
      SELECT 'item', i.key, i.list::text, i.text, i.search, i.position, 1
      FROM "SummaryItem" i
      WHERE i."dialogueId" = ${dialogueId}
    ) AS unit, q
    WHERE unit.search @@ q.query
    ORDER BY ts_rank(unit.search, q.query) DESC, part, position
    LIMIT 100`;
  return rows.map((row) => ({
    kind: row.kind,
    key: row.key,
    context: row.context,
    snippet: splitMarked(row.snippet),
    ranges: findMarkedRanges(row.full, row.text),
  }));
}

/** Splits "a \uE000b\uE001 c" into [{a}, {b, match}, {c}]. */
export function splitMarked(marked: string): { text: string; isMatch: boolean }[] {
  const parts: { text: string; isMatch: boolean }[] = [];
  for (const piece of marked.split(START)) {
    const [match, rest] = piece.includes(STOP) ? piece.split(STOP) : [null, piece];
    if (match) parts.push({ text: match, isMatch: true });
    if (rest) parts.push({ text: rest, isMatch: false });
  }
  return parts;
}

/** Character ranges of the marks, or none when the headline is not the original text plus marks. */
export function findMarkedRanges(marked: string, original: string): TextRange[] {
  const ranges: TextRange[] = [];
  let plain = "";
  for (const part of splitMarked(marked)) {
    if (part.isMatch) ranges.push({ start: plain.length, end: plain.length + part.text.length });
    plain += part.text;
  }
  return plain === original ? ranges : [];
}
