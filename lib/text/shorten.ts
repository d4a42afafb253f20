/**
 * Text cut to at most `max` characters for a row, a label or an annex, at a
 * word boundary when one falls in the last 40 % (a cut mid-word reads as a
 * typo), with "…" saying that more follows.
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const lastSpace = text.lastIndexOf(" ", max - 1);
  const end = lastSpace > max * 0.6 ? lastSpace : max - 1;
  return `${text.slice(0, end).trimEnd()}…`;
}
