/**
 * Addresses that changed with the family-name rule: a dialogue imported
 * under the old rule is re-addressed by its next import, keeping its sources
 * (confirmed, not suspect) and answering to the old addresses as aliases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { resolveAddress } from "@/lib/dialogue/get-dialogue";
import { seedPlan } from "@/lib/plan/seed-plan";
import { clearDatabase, resetToSeedDialogue, SEED_DIALOGUE_ID, SEED_SOURCE } from "@/test/support/seed-database";

const prisma = getPrisma();
const OLD = { key: "opening.moon", id: `${SEED_DIALOGUE_ID}:opening.moon` };
const NEW = { key: "opening.ban", id: `${SEED_DIALOGUE_ID}:opening.ban` };

beforeAll(async () => {
  await resetToSeedDialogue();
});
afterAll(async () => {
  await clearDatabase();
  await disconnectPrisma();
});

/** The database as the old rule left it: the Secretary-General's statement at "opening.moon", rule version 1. */
async function addressAsTheOldRuleDid() {
  await prisma.$executeRaw`UPDATE "Statement" SET id = ${OLD.id}, key = ${OLD.key} WHERE id = ${NEW.id}`;
  await prisma.$executeRaw`
    UPDATE "Sentence" SET id = replace(id, ${NEW.key}, ${OLD.key}), key = replace(key, ${NEW.key}, ${OLD.key})
    WHERE "statementId" = ${OLD.id}`;
  await prisma.dialogue.update({ where: { id: SEED_DIALOGUE_ID }, data: { addressRules: 1 } });
}

function importSeed() {
  return importDialogue({ prisma, parsed: parseDialogue(SEED_SOURCE), sourceText: SEED_SOURCE, sourceName: "seed.md" });
}

describe("re-addressing a dialogue imported under the old family-name rule", () => {
  it("renames the statement and its sentences in place, keeps their sources, and answers to the old address", async () => {
    await addressAsTheOldRuleDid();
    const { planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID });
    const section = await prisma.planSection.findFirstOrThrow({ where: { planId } });
    const sentenceId = `${OLD.id}.s1`;
    const link = await prisma.provenanceLink.create({
      data: {
        planId,
        sectionId: section.id,
        blockId: "b1",
        targetType: "statement",
        targetKey: `sentence:${sentenceId}`,
        statementId: OLD.id,
        sentenceId,
        relation: "supports",
        status: "confirmed",
      },
    });

    expect((await importSeed()).status).toBe("updated");

    expect(await prisma.statement.findUnique({ where: { id: OLD.id } })).toBeNull();
    const statement = await prisma.statement.findUniqueOrThrow({ where: { id: NEW.id }, include: { sentences: true } });
    expect(statement.key).toBe(NEW.key);
    expect(statement.sentences.every((s) => s.key.startsWith(`${NEW.key}.s`))).toBe(true);
    expect(await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      status: "confirmed",
      statementId: NEW.id,
      sentenceId: `${NEW.id}.s1`,
      targetKey: `sentence:${NEW.id}.s1`,
    });
    expect(await prisma.addressAlias.findMany({ select: { oldKey: true, newKey: true } })).toEqual([
      { oldKey: OLD.key, newKey: NEW.key },
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "dialogue.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.detail).toMatchObject({ readdressed: [{ from: OLD.key, to: NEW.key }], suspectLinks: 0 });

    // The old addresses still find the statement and its sentences.
    await expect(resolveAddress(SEED_DIALOGUE_ID, OLD.key)).resolves.toBe(NEW.key);
    await expect(resolveAddress(SEED_DIALOGUE_ID, `${OLD.key}.s2`)).resolves.toBe(`${NEW.key}.s2`);
    await expect(resolveAddress(SEED_DIALOGUE_ID, NEW.key)).resolves.toBe(NEW.key);
    await expect(resolveAddress(SEED_DIALOGUE_ID, "opening.nobody")).resolves.toBeNull();
    expect((await importSeed()).status).toBe("unchanged");
  });
});
