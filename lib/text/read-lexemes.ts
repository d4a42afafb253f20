/**
 * Texts as PostgreSQL's English configuration reads them: each lexeme (a
 * stemmed word; stopwords dropped) with its word positions. The same reading
 * as the tsvectors searched everywhere else, so "targets", "Target" and
 * "targeted" are one word to seeding as they are to search.
 */
import type { Tx } from "@/lib/db";

export type Lexemes = Map<string, number[]>;

/** One Lexemes per text, in the order given; one query for all of them. */
export async function readLexemes(db: Tx, texts: string[]): Promise<Lexemes[]> {
  if (!texts.length) return [];
  const rows = await db.$queryRaw<{ ord: bigint; lexeme: string; positions: number[] | null }[]>`
    SELECT t.ord, v.lexeme, v.positions::int[] AS positions
    FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(text, ord),
         unnest(to_tsvector('english', t.text)) AS v`;
  const read: Lexemes[] = texts.map(() => new Map());
  for (const row of rows) read[Number(row.ord) - 1].set(row.lexeme, row.positions ?? []);
  return read;
}

/** A text's lexemes in the order they stand in it (a phrase, to be found in other texts). */
export function inOrder(lexemes: Lexemes): string[] {
  return [...lexemes.entries()]
    .flatMap(([lexeme, positions]) => positions.map((p) => [p, lexeme] as const))
    .sort((a, b) => a[0] - b[0])
    .map(([, lexeme]) => lexeme);
}
