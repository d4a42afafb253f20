/**
 * Writes a parsed dialogue to the database in one transaction. Importing the
 * same text again is a no-op (by content hash). Importing a corrected
 * version of a dialogue syncs it in place: units keep their ids, changed
 * units are updated, vanished units are deleted, new ones are added.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ParsedDialogue } from "./types";
import { buildDialogueRows, hashSource } from "./build-dialogue-rows";
import type { DialogueRows } from "./build-dialogue-rows";
import { ADDRESS_RULES_VERSION } from "./family-name";
import { readdressUnits } from "./readdress-units";
import { withFamilyNames } from "./statement-address";
import type { Readdressed } from "./readdress-units";
import { deleteRowsExcept, upsertRows } from "./upsert-rows";
import { appendAudit } from "@/lib/audit/append-audit";
import type { SourceTable } from "./upsert-rows";
import type { Tx } from "@/lib/db";
import { ROSTER_VERSION } from "./build-delegation-rows";
import type { RosterReport } from "./build-delegation-rows";

export type ImportResult = {
  dialogueId: string;
  status: "created" | "updated" | "unchanged";
  /** `delegations` counts the annex's States and groups, not the whole roster. */
  counts: { segments: number; statements: number; sentences: number; summaryItems: number; delegations: number };
  /** The annex names mapped onto the roster, and those kept as affiliations. */
  roster: RosterReport;
};

type ImportInput = {
  parsed: ParsedDialogue;
  sourceText: string;
  sourceName: string;
  /** Who uploaded it, for the audit log; none for the CLI and npm start. */
  actorId?: string | null;
};

export async function importDialogue(options: ImportInput & { prisma: PrismaClient }): Promise<ImportResult> {
  const { prisma, parsed } = options;
  const { status, counts, roster } = await prisma
    .$transaction(
      async (tx) => {
        await lockDialogue(tx, parsed.slug);
        return syncDialogue(tx, options);
      },
      { timeout: 120_000, maxWait: 30_000 },
    )
    .catch((error: unknown) => {
      throw explainImportError(error);
    });
  return { dialogueId: parsed.slug, status, counts, roster };
}

/** Two writes of the same dialogue at once would race on its ids: each holds this until its transaction ends. */
export async function lockDialogue(tx: Tx, dialogueId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${dialogueId}))`;
}

/**
 * Writes the dialogue as `parsed` reads it, with the family names admins
 * corrected, inside a transaction that holds its lock. Unchanged text under
 * the current address rules is left alone unless `force` (a corrected family
 * name changes addresses, not text).
 */
export async function syncDialogue(
  tx: Tx,
  options: ImportInput & { force?: boolean },
): Promise<Pick<ImportResult, "status" | "counts" | "roster">> {
  const { parsed, sourceText } = options;
  const existing = await tx.dialogue.findUnique({
    where: { id: parsed.slug },
    select: { contentHash: true, addressRules: true, rosterVersion: true },
  });
  const rows = buildDialogueRows({
    ...options,
    parsed: withFamilyNames(parsed, await readFamilyNames(tx, parsed.slug)),
    existingDelegations: await tx.delegation.findMany({
      where: { dialogueId: parsed.slug },
      orderBy: { position: "asc" },
      select: { id: true, key: true, name: true, onBehalfOf: true, rosterKey: true },
    }),
  });
  const counts = {
    segments: rows.segments.length,
    statements: rows.statements.length,
    sentences: rows.sentences.length,
    summaryItems: rows.summaryItems.length,
    delegations: rows.delegations.filter((d) => d.inAnnex).length,
  };
  const { roster } = rows;
  // A database from before the roster (rosterVersion 0) is mapped by the next import of the same text.
  const isCurrent =
    existing?.contentHash === hashSource(sourceText) &&
    existing.addressRules === ADDRESS_RULES_VERSION &&
    existing.rosterVersion === ROSTER_VERSION;
  if (isCurrent && !options.force) return { status: "unchanged", counts, roster };
  const { suspectLinks, readdressed } = await writeDialogue(tx, rows, Boolean(existing));
  await appendAudit(tx, {
    userId: options.actorId ?? null,
    action: existing ? "dialogue.update" : "dialogue.import",
    resourceType: "dialogue",
    resourceId: rows.dialogue.id,
    detail: {
      sourceName: options.sourceName,
      contentHash: rows.dialogue.contentHash,
      counts,
      suspectLinks,
      readdressed,
      roster,
    },
  });
  return { status: existing ? "updated" : "created", counts, roster };
}

/** The family names admins set for speakers of the dialogue, by speaker key. */
async function readFamilyNames(tx: Tx, dialogueId: string): Promise<Map<string, string>> {
  const corrected = await tx.speaker.findMany({
    where: { dialogueId, familyName: { not: null } },
    select: { key: true, familyName: true },
  });
  return new Map(corrected.map((speaker) => [speaker.key, speaker.familyName!]));
}

/**
 * Writes the dialogue's rows. For a new dialogue nothing is deleted; for a
 * corrected one, rows that vanished go first (children before parents), then
 * every table is upserted (parents before children), keeping the ids that remain.
 */
async function writeDialogue(
  tx: Tx,
  rows: DialogueRows,
  isUpdate: boolean,
): Promise<{ suspectLinks: number; readdressed: Readdressed[] }> {
  const dialogueId = rows.dialogue.id;
  // First, so a statement that only changed address keeps its id's rows (and its sources) under the new one.
  const readdressed = isUpdate ? await readdressUnits(tx, rows) : [];
  const reworded = isUpdate ? await findRewordedUnits(tx, rows) : [];
  if (isUpdate) {
    for (const table of [...TABLES_PARENTS_FIRST].reverse()) {
      await deleteRowsExcept(
        tx,
        table,
        dialogueId,
        rows[ROWS_OF[table]].map((row) => row.id),
      );
    }
    await tx.dialogue.update({ where: { id: dialogueId }, data: rows.dialogue });
  } else {
    await tx.dialogue.create({ data: rows.dialogue });
  }
  for (const table of TABLES_PARENTS_FIRST) await upsertRows(tx, table, rows[ROWS_OF[table]]);
  return { suspectLinks: await markLinksSuspect(tx, reworded), readdressed };
}

/**
 * The statements, sentences and list items whose words differ from the
 * imported version. A moved line or a new offset is not a change of meaning,
 * so only text (and an item's key phrases) count.
 */
async function findRewordedUnits(tx: Tx, rows: DialogueRows): Promise<string[]> {
  const where = { dialogueId: rows.dialogue.id };
  const [statements, sentences, items] = await Promise.all([
    tx.statement.findMany({ where, select: { id: true, text: true } }),
    tx.sentence.findMany({ where, select: { id: true, text: true } }),
    tx.summaryItem.findMany({ where, select: { id: true, text: true, keyPhrases: true } }),
  ]);
  const wordsOf = (row: { text: string; keyPhrases?: string[] }) => JSON.stringify([row.text, row.keyPhrases ?? []]);
  const before = new Map([...statements, ...sentences, ...items].map((row) => [row.id, wordsOf(row)]));
  return [...rows.statements, ...rows.sentences, ...rows.summaryItems]
    .filter((row) => before.has(row.id) && before.get(row.id) !== wordsOf(row))
    .map((row) => row.id);
}

/**
 * A confirmed source whose words changed in a corrected import no longer
 * proves what it was confirmed for: its links become "suspect" until a
 * facilitator looks again (Doorstop's suspect links).
 */
async function markLinksSuspect(tx: Tx, changedIds: string[]): Promise<number> {
  if (changedIds.length === 0) return 0;
  const marked = await tx.provenanceLink.updateMany({
    where: {
      status: "confirmed",
      OR: [
        { statementId: { in: changedIds }, sentenceId: null },
        { sentenceId: { in: changedIds } },
        { summaryItemId: { in: changedIds } },
      ],
    },
    data: { status: "suspect" },
  });
  return marked.count;
}

const TABLES_PARENTS_FIRST: SourceTable[] = [
  "Delegation",
  "Segment",
  "Speaker",
  "Statement",
  "Sentence",
  "SummaryItem",
  "SummaryNote",
];

const ROWS_OF = {
  Delegation: "delegations",
  Segment: "segments",
  Speaker: "speakers",
  Statement: "statements",
  Sentence: "sentences",
  SummaryItem: "summaryItems",
  SummaryNote: "summaryNotes",
} as const satisfies Record<SourceTable, keyof DialogueRows>;

/**
 * A corrected document that drops a unit still cited by a plan is refused by
 * a foreign key; say so plainly. (Delegations are never dropped: they are the roster.)
 */
function explainImportError(error: unknown): unknown {
  const text = String((error as Error)?.message ?? "") + JSON.stringify((error as { meta?: unknown })?.meta ?? {});
  if (!/23503|foreign key/i.test(text)) return error;
  return new Error(
    "This version of the dialogue drops units that are still in use (cited by a plan). " +
      "Remove those citations first; nothing was imported.",
    { cause: error },
  );
}
