/** Finds the roster member a name stands for: "Korea" → Republic of Korea, "the EU" → European Union. */
import { slugify } from "./text";
import { ROSTER } from "./roster-data";
import type { RosterEntry } from "./roster-data";

export type RosterMember = RosterEntry & { key: string };

/** The key a roster entry is stored under (Delegation.rosterKey): the slug of its official name. */
export function rosterKeyOf(name: string): string {
  return slugify(name);
}

/** Case, accents, punctuation, a leading "the" and "St." for "Saint" do not tell names apart. */
function normalize(name: string): string {
  return slugify(name).replace(/^the-/, "").replace(/^st-/, "saint-");
}

const MEMBERS: readonly RosterMember[] = ROSTER.map((entry) => ({ ...entry, key: rosterKeyOf(entry.name) }));

const BY_NAME = new Map<string, RosterMember>();
for (const member of MEMBERS) {
  for (const name of [member.name, ...(member.aliases ?? [])]) {
    const normalized = normalize(name);
    const taken = BY_NAME.get(normalized);
    // Two members answering to one name would make the mapping depend on order: refuse at load.
    if (taken && taken !== member) throw new Error(`roster: "${name}" names both ${taken.name} and ${member.name}`);
    BY_NAME.set(normalized, member);
  }
}

/** Every roster member, in roster order. */
export function listRosterMembers(): readonly RosterMember[] {
  return MEMBERS;
}

/** The roster member `name` stands for, or null for a name that is neither a State nor a group (UNODC, an NGO). */
export function resolveRosterName(name: string): RosterMember | null {
  return BY_NAME.get(normalize(name)) ?? null;
}

/** The other names of a roster member ("USA", "United States"), for finding it in a picker. */
export function rosterAliasesOf(rosterKey: string | null): string[] {
  return MEMBERS.find((member) => member.key === rosterKey)?.aliases ?? [];
}
