/**
 * Old addresses of statements (before the family-name rule changed them),
 * resolved to the current ones: "opening.moon" → "opening.ban", and a
 * sentence of it, "opening.moon.s2" → "opening.ban.s2". Pure, so the reader
 * page resolves a bookmarked #address in the browser the same way.
 */
export type AliasPair = { oldKey: string; newKey: string };

const SENTENCE_SUFFIX = /^(.*)(\.s\d+)$/;

/** The current address for an old one, or null when `address` is no alias (it may be current already). */
export function resolveAlias(address: string, aliases: readonly AliasPair[]): string | null {
  const byOld = new Map(aliases.map((alias) => [alias.oldKey, alias.newKey]));
  const direct = byOld.get(address);
  if (direct) return direct;
  const sentence = SENTENCE_SUFFIX.exec(address);
  const statement = sentence && byOld.get(sentence[1]);
  return statement ? `${statement}${sentence[2]}` : null;
}
