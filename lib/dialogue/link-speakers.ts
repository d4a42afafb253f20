/** Links each speaker to the annex delegation that their affiliation names. */
import type { Delegation, Segment } from "./types";

/**
 * "Minister of Justice and Human Rights of Ecuador" → Ecuador. The longest
 * matching name wins, so "Republic of Korea" is preferred to "Korea", and
 * names match as whole words only.
 */
export function linkSpeakersToDelegations(segments: Segment[], delegations: Delegation[]): void {
  const byLength = [...delegations].sort((a, b) => b.name.length - a.name.length);
  for (const statement of segments.flatMap((s) => s.statements)) {
    // "(Montreal, Canada)" says where an office is, not whom the speaker represents.
    const affiliation = statement.speaker.affiliation?.replace(/\([^()]*,[^()]*\)/g, "");
    if (!affiliation) continue;
    const match = byLength.find((d) => namesDelegation(affiliation, d.name));
    statement.speaker.delegation = match?.name ?? null;
  }
}

function namesDelegation(affiliation: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(affiliation);
}
