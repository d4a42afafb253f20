/**
 * Set-based writes for the import: a whole table's rows go to PostgreSQL as
 * one JSON parameter, so 10,000 sentences are one statement rather than
 * Prisma's per-row work (profiled at ~3 s of a 4 s import of a 1,600-statement
 * document; see bench/import.ts).
 */
import type { Tx } from "@/lib/db";

/** The source tables of a dialogue. Names are fixed here, never taken from input. */
export type SourceTable =
  "Delegation" | "Segment" | "Speaker" | "Statement" | "Sentence" | "SummaryItem" | "SummaryNote";

/**
 * Inserts rows, or updates those whose id exists and whose values differ.
 * Columns are the keys of the first row; every row must have the same keys.
 */
export async function upsertRows(tx: Tx, table: SourceTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const list = columns.map(quote).join(", ");
  const updated = columns.filter((c) => c !== "id");
  const assignments = updated.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`).join(", ");
  const current = updated.map((c) => `${quote(table)}.${quote(c)}`).join(", ");
  const incoming = updated.map((c) => `EXCLUDED.${quote(c)}`).join(", ");
  // jsonb_populate_recordset casts each JSON value to its column's type
  // (enums, text[], jsonb, date). The explicit column list leaves out the
  // generated "search" columns. Unchanged rows are not rewritten.
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quote(table)} (${list})
     SELECT ${list} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)
     ON CONFLICT ("id") DO UPDATE SET ${assignments}
     WHERE (${current}) IS DISTINCT FROM (${incoming})`,
    JSON.stringify(rows),
  );
}

/** Deletes a dialogue's rows of `table` whose ids are not in `keepIds`. */
export async function deleteRowsExcept(
  tx: Tx,
  table: SourceTable,
  dialogueId: string,
  keepIds: string[],
): Promise<void> {
  await tx.$executeRawUnsafe(
    `DELETE FROM ${quote(table)} WHERE "dialogueId" = $1 AND NOT ("id" = ANY($2::text[]))`,
    dialogueId,
    keepIds,
  );
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
