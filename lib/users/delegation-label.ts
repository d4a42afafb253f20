import { rosterAliasesOf } from "@/lib/dialogue/resolve-roster-name";

/** "Czech Republic (on behalf of EU), 2009" for a delegation picker. */
export function formatDelegationChoice(d: {
  name: string;
  onBehalfOf: string | null;
  dialogue: { date: Date };
}): string {
  const group = d.onBehalfOf ? ` (on behalf of ${d.onBehalfOf})` : "";
  return `${d.name}${group}, ${d.dialogue.date.getUTCFullYear()}`;
}

/** One option of a delegation picker: its label, the group it is listed under, and the names it is found by. */
export type DelegationChoice = { id: string; label: string; group: string; searchText: string };

const KIND_LABELS: Record<string, string> = {
  member_state: "Member States",
  observer_state: "Observer States",
  group: "Groups",
  other: "Other (no longer offered)",
};

/**
 * The choices of a picker, grouped by kind, findable by alias ("USA",
 * "Korea"). Across dialogues (accounts) each says its dialogue's year
 * ("Member States, 2009"); within one (a plan's sponsors) it need not.
 */
export function toDelegationChoices(
  delegations: {
    id: string;
    name: string;
    onBehalfOf?: string | null;
    kind: string;
    rosterKey: string | null;
    dialogue?: { date: Date };
  }[],
): DelegationChoice[] {
  return delegations.map((d) => {
    const year = d.dialogue ? `, ${d.dialogue.date.getUTCFullYear()}` : "";
    return {
      id: d.id,
      label: d.dialogue
        ? formatDelegationChoice({ ...d, onBehalfOf: d.onBehalfOf ?? null, dialogue: d.dialogue })
        : d.name,
      group: `${KIND_LABELS[d.kind] ?? d.kind}${year}`,
      searchText: [d.name, ...rosterAliasesOf(d.rosterKey)].join(" | "),
    };
  });
}
