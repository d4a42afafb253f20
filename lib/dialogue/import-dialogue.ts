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

export type ImportResult = {
  dialogueId: string;
  status: "created" | "updated" | "unchanged";
  counts: { segments: number; statements: number; sentences: number; summaryItems: number; delegations: number };
};

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function importDialogue(options: {
  prisma: PrismaClient;
  parsed: ParsedDialogue;
  sourceText: string;
  sourceName: string;
}): Promise<ImportResult> {
  const { prisma, parsed, sourceText } = options;
  const rows = buildDialogueRows(options);
  const counts = {
    segments: rows.segments.length, statements: rows.statements.length, sentences: rows.sentences.length,
    summaryItems: rows.summaryItems.length, delegations: rows.delegations.length,
  };
  const status = await prisma.$transaction(
    async (tx) => {
      // Two imports of the same dialogue at once would race on its ids.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${rows.dialogue.id}))`;
      const existing = await tx.dialogue.findUnique({ where: { id: rows.dialogue.id }, select: { contentHash: true } });
      if (existing?.contentHash === hashSource(sourceText)) return "unchanged" as const;
      if (existing) {
        await syncDialogue(tx, rows);
        return "updated" as const;
      }
      await createDialogue(tx, rows);
      return "created" as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { dialogueId: parsed.slug, status, counts };
}

async function createDialogue(tx: Tx, rows: DialogueRows): Promise<void> {
  await tx.dialogue.create({ data: rows.dialogue });
  await tx.delegation.createMany({ data: rows.delegations });
  await tx.segment.createMany({ data: rows.segments });
  await tx.speaker.createMany({ data: rows.speakers });
  await tx.statement.createMany({ data: rows.statements });
  await tx.sentence.createMany({ data: rows.sentences });
  await tx.summaryItem.createMany({ data: rows.summaryItems });
  await tx.summaryNote.createMany({ data: rows.summaryNotes });
}

/** Brings an imported dialogue in line with new rows, keeping the ids that remain. */
async function syncDialogue(tx: Tx, rows: DialogueRows): Promise<void> {
  const dialogueId = rows.dialogue.id;
  const where = { dialogueId };
  // Children first when deleting, parents first when writing, for the foreign keys.
  await tx.sentence.deleteMany({ where: { ...where, id: { notIn: ids(rows.sentences) } } });
  await tx.statement.deleteMany({ where: { ...where, id: { notIn: ids(rows.statements) } } });
  await tx.speaker.deleteMany({ where: { ...where, id: { notIn: ids(rows.speakers) } } });
  await tx.segment.deleteMany({ where: { ...where, id: { notIn: ids(rows.segments) } } });
  await tx.delegation.deleteMany({ where: { ...where, id: { notIn: ids(rows.delegations) } } });
  await tx.summaryItem.deleteMany({ where: { ...where, id: { notIn: ids(rows.summaryItems) } } });
  await tx.summaryNote.deleteMany({ where: { ...where, id: { notIn: ids(rows.summaryNotes) } } });

  await tx.dialogue.update({ where: { id: dialogueId }, data: rows.dialogue });
  await upsertAll(rows.delegations, (row) => tx.delegation.upsert({ where: { id: row.id }, create: row, update: row }));
  await upsertAll(rows.segments, (row) => tx.segment.upsert({ where: { id: row.id }, create: row, update: row }));
  await upsertAll(rows.speakers, (row) => tx.speaker.upsert({ where: { id: row.id }, create: row, update: row }));
  await upsertAll(rows.statements, (row) => tx.statement.upsert({ where: { id: row.id }, create: row, update: row }));
  await upsertAll(rows.sentences, (row) => tx.sentence.upsert({ where: { id: row.id }, create: row, update: row }));
  await upsertAll(rows.summaryItems, (row) => tx.summaryItem.upsert({ where: { id: row.id }, create: row, update: row }));
  await upsertAll(rows.summaryNotes, (row) => tx.summaryNote.upsert({ where: { id: row.id }, create: row, update: row }));
}

function ids(rows: { id: string }[]): string[] {
  return rows.map((row) => row.id);
}

// One statement at a time: a transaction has a single connection, so
// parallel queries would only queue behind each other.
async function upsertAll<T>(rows: T[], upsert: (row: T) => Promise<unknown>): Promise<void> {
  for (const row of rows) await upsert(row);
}
