/**
 * The Delegation rows of a dialogue: one per roster member, the annex's
 * names mapped onto them ("Korea" → Republic of Korea) and flagged inAnnex.
 * An annex name that is neither a State nor a group (UNESCO, a working group)
 * is no delegation: its speakers keep it as their affiliation, and the
 * report lists it as unmapped.
 *
 * Rows an older import wrote keep their ids, so the accounts, comments,
 * amendments and concerns on them follow: "Korea" becomes Republic of Korea
 * in place. One that maps onto nothing stays, as kind "other" outside the
 * annex, for whatever is attached to it.
 */
import type { Delegation as AnnexEntry } from "./types";
import { listRosterMembers, resolveRosterName } from "./resolve-roster-name";
import type { RosterKind } from "./roster-data";

/** Bump when the roster or its aliases change, so the next import maps every dialogue again. */
export const ROSTER_VERSION = 1;

export type ExistingDelegation = {
  id: string;
  key: string;
  name: string;
  onBehalfOf: string | null;
  rosterKey: string | null;
};

export type DelegationRow = {
  id: string;
  dialogueId: string;
  key: string;
  name: string;
  onBehalfOf: string | null;
  position: number;
  rosterKey: string | null;
  kind: RosterKind | "other";
  inAnnex: boolean;
};

/** What the import made of the annex: each name it mapped (with the roster name) and those it could not. */
export type RosterReport = {
  mapped: { name: string; rosterName: string }[];
  unmapped: string[];
};

export function buildDelegationRows({
  dialogueId,
  annex,
  existing = [],
}: {
  dialogueId: string;
  annex: AnnexEntry[];
  existing?: ExistingDelegation[];
}): { rows: DelegationRow[]; idByAnnexName: Map<string, string>; report: RosterReport } {
  const report: RosterReport = { mapped: [], unmapped: [] };
  const annexByKey = new Map<string, { entry: AnnexEntry; position: number }>();
  for (const entry of annex) {
    const member = resolveRosterName(entry.name);
    if (!member) {
      report.unmapped.push(entry.name);
      continue;
    }
    report.mapped.push({ name: entry.name, rosterName: member.name });
    // The first mention wins, as the parser's own dedupe does: "France" twice is one delegation.
    if (!annexByKey.has(member.key)) annexByKey.set(member.key, { entry, position: annexByKey.size });
  }

  const { idByRosterKey, leftovers } = claimExistingRows(dialogueId, existing);
  const members = listRosterMembers();
  const rows: DelegationRow[] = members.map((member, index) => {
    const inAnnex = annexByKey.get(member.key);
    return {
      id: idByRosterKey.get(member.key) ?? `${dialogueId}:delegation-${member.key}`,
      dialogueId,
      key: `delegation-${member.key}`,
      name: member.name,
      onBehalfOf: inAnnex?.entry.onBehalfOf ?? null,
      // The annex's order first (the coverage board and reader list it so), then the rest of the roster.
      position: inAnnex ? inAnnex.position : annexByKey.size + index,
      rosterKey: member.key,
      kind: member.kind,
      inAnnex: Boolean(inAnnex),
    };
  });
  leftovers.forEach((row, index) =>
    rows.push({
      ...row,
      dialogueId,
      position: annexByKey.size + members.length + index,
      rosterKey: null,
      kind: "other",
      inAnnex: false,
    }),
  );

  const idOfKey = new Map(rows.map((row) => [row.rosterKey, row.id]));
  const idByAnnexName = new Map<string, string>();
  for (const entry of annex) {
    const member = resolveRosterName(entry.name);
    if (member) idByAnnexName.set(entry.name, idOfKey.get(member.key)!);
  }
  return { rows, idByAnnexName, report };
}

/**
 * Which existing row each roster member takes over: the one already at its
 * canonical id, else the first whose name maps onto it. The rest are leftovers.
 */
function claimExistingRows(
  dialogueId: string,
  existing: ExistingDelegation[],
): { idByRosterKey: Map<string, string>; leftovers: ExistingDelegation[] } {
  const idByRosterKey = new Map<string, string>();
  const byKey = (row: ExistingDelegation) => row.rosterKey ?? resolveRosterName(row.name)?.key ?? null;
  const isCanonical = (row: ExistingDelegation, key: string) => row.id === `${dialogueId}:delegation-${key}`;
  const ordered = [...existing].sort((a, b) => {
    const [ka, kb] = [byKey(a), byKey(b)];
    return Number(Boolean(kb && isCanonical(b, kb))) - Number(Boolean(ka && isCanonical(a, ka)));
  });
  const leftovers: ExistingDelegation[] = [];
  for (const row of ordered) {
    const key = byKey(row);
    if (key && !idByRosterKey.has(key)) idByRosterKey.set(key, row.id);
    else leftovers.push(row);
  }
  return { idByRosterKey, leftovers };
}
