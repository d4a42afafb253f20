/** Links each speaker to the annex delegation that their affiliation names. */
import type { Delegation, Segment } from "./types";

/**
 * "Minister of Justice and Human Rights of Ecuador" → Ecuador. Names match
 * as whole words; the longest name wins, so "Republic of Korea" beats
 * "Korea". Delegations are indexed by their first word, so the cost grows
 * with the words of the affiliations, not affiliations × delegations (a
 * General Assembly annex can list a couple of hundred).
 */
// Words as both the index and the lookup see them, so "Korea, Republic of" is found under "Korea".
const WORD = /[^\s,;:/()]+/gu;

export function linkSpeakersToDelegations(segments: Segment[], delegations: Delegation[]): void {
  const byFirstWord = indexByFirstWord(delegations);
  for (const statement of segments.flatMap((s) => s.statements)) {
    // "(Montreal, Canada)" says where an office is, not whom the speaker represents.
    const affiliation = statement.speaker.affiliation?.replace(/\([^()]*,[^()]*\)/g, "");
    statement.speaker.delegation = affiliation ? findNamedDelegation(affiliation, byFirstWord) : null;
  }
}

function indexByFirstWord(delegations: Delegation[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { name } of delegations) {
    const first = name.match(WORD)?.[0] ?? name;
    const names = index.get(first) ?? [];
    if (!names.includes(name)) names.push(name);
    index.set(first, names);
  }
  for (const names of index.values()) names.sort((a, b) => b.length - a.length);
  return index;
}

function findNamedDelegation(affiliation: string, byFirstWord: Map<string, string[]>): string | null {
  let best: string | null = null;
  for (const word of affiliation.matchAll(WORD)) {
    for (const name of byFirstWord.get(word[0]) ?? []) {
      const end = word.index + name.length;
      const isWholeWords = affiliation.startsWith(name, word.index) && !/\p{L}/u.test(affiliation[end] ?? "");
      if (isWholeWords && (!best || name.length > best.length)) best = name;
    }
  }
  return best;
}
