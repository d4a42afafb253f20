/**
 * When the addressing rules change (lib/dialogue/family-name.ts), a
 * dialogue's statements get new addresses for the same words. A corrected
 * import would delete the old rows and refuse, since sources link to them;
 * instead the statement and its sentences are renamed in place (the links
 * follow: their foreign keys cascade on update), the links' target keys are
 * rewritten, and each old address is kept as an alias that the reader
 * still answers to.
 */
import type { Tx } from "@/lib/db";
import type { DialogueRows } from "./build-dialogue-rows";

export type Readdressed = { from: string; to: string };

export async function readdressUnits(tx: Tx, rows: DialogueRows): Promise<Readdressed[]> {
  const dialogueId = rows.dialogue.id;
  const newIds = new Set(rows.statements.map((statement) => statement.id));
  const existing = await tx.statement.findMany({
    where: { dialogueId },
    select: { id: true, key: true, segmentId: true, speakerId: true, position: true },
  });
  const existingIds = new Set(existing.map((statement) => statement.id));
  const sameStatement = (row: (typeof existing)[number]) =>
    rows.statements.find(
      (next) =>
        next.segmentId === row.segmentId &&
        next.speakerId === row.speakerId &&
        next.position === row.position &&
        !existingIds.has(next.id),
    );
  const renamed: Readdressed[] = [];
  for (const row of existing.filter((statement) => !newIds.has(statement.id))) {
    const next = sameStatement(row);
    if (!next) continue; // gone from the document: the import deletes it (or refuses, if it is a source)
    await renameStatement(tx, { id: row.id, key: row.key }, { id: next.id, key: next.key });
    renamed.push({ from: row.key, to: next.key });
  }
  if (renamed.length > 0) await recordAliases(tx, dialogueId, renamed);
  return renamed;
}

async function renameStatement(tx: Tx, from: { id: string; key: string }, to: { id: string; key: string }) {
  await tx.$executeRaw`UPDATE "Statement" SET id = ${to.id}, key = ${to.key} WHERE id = ${from.id}`;
  // Sentence ids and keys are the statement's, plus ".s<n>".
  await tx.$executeRaw`
    UPDATE "Sentence"
    SET id = ${to.id} || substr(id, length(${from.id}) + 1), key = ${to.key} || substr(key, length(${from.key}) + 1)
    WHERE "statementId" = ${to.id}`;
  await tx.$executeRaw`
    UPDATE "ProvenanceLink"
    SET "targetKey" = CASE WHEN "sentenceId" IS NULL THEN 'statement:' || "statementId" ELSE 'sentence:' || "sentenceId" END
    WHERE "statementId" = ${to.id} OR "sentenceId" LIKE ${`${to.id}.s%`}`;
}

/** Each old address points at the newest one, also where an older alias pointed at the old. */
async function recordAliases(tx: Tx, dialogueId: string, renamed: Readdressed[]) {
  for (const { from, to } of renamed) {
    await tx.addressAlias.updateMany({ where: { dialogueId, newKey: from }, data: { newKey: to } });
    await tx.addressAlias.upsert({
      where: { dialogueId_oldKey: { dialogueId, oldKey: from } },
      create: { dialogueId, oldKey: from, newKey: to },
      update: { newKey: to },
    });
  }
  // A new address that was once an old one is an address again, not an alias.
  await tx.addressAlias.deleteMany({ where: { dialogueId, oldKey: { in: renamed.map((r) => r.to) } } });
}
