import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { searchDialogue } from "@/lib/dialogue/search-dialogue";

const SOURCE = readFileSync("prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", "utf8");
const ID = "2009-05-13-taking-collective-action-to-end-human-trafficking";
const prisma = getPrisma();

function importText(sourceText: string) {
  return importDialogue({ prisma, parsed: parseDialogue(sourceText), sourceText, sourceName: "test.md" });
}

async function countRows() {
  const [dialogues, segments, speakers, statements, sentences, summaryItems, summaryNotes, delegations] =
    await Promise.all([
      prisma.dialogue.count(),
      prisma.segment.count(),
      prisma.speaker.count(),
      prisma.statement.count(),
      prisma.sentence.count(),
      prisma.summaryItem.count(),
      prisma.summaryNote.count(),
      prisma.delegation.count({ where: { inAnnex: true } }),
    ]);
  return { dialogues, segments, speakers, statements, sentences, summaryItems, summaryNotes, delegations };
}

beforeEach(async () => {
  await prisma.dialogue.deleteMany();
  await prisma.auditLog.deleteMany();
});
afterAll(async () => {
  await prisma.dialogue.deleteMany();
  await disconnectPrisma();
});

describe("importDialogue", () => {
  it("writes every unit of the 2009 dialogue with its address", async () => {
    const result = await importText(SOURCE);
    expect(result).toMatchObject({ dialogueId: ID, status: "created" });
    const parsed = parseDialogue(SOURCE);
    const sentenceCount = parsed.segments.flatMap((s) => s.statements).reduce((n, s) => n + s.sentences.length, 0);
    expect(await countRows()).toEqual({
      dialogues: 1,
      segments: 5,
      speakers: 16,
      statements: 16,
      sentences: sentenceCount,
      summaryItems: 39,
      summaryNotes: 2,
      // 54 annex names, of which UNESCO and WGTC are no delegations (see roster-import.test.ts).
      delegations: 52,
    });
    const dialogue = await prisma.dialogue.findUniqueOrThrow({ where: { id: ID } });
    expect(dialogue.date.toISOString().slice(0, 10)).toBe("2009-05-13");
    const gupta = await prisma.sentence.findUniqueOrThrow({
      where: { id: `${ID}:panel-2.gupta.s4` },
      include: { statement: true },
    });
    expect(gupta.statement.text.slice(gupta.start, gupta.end)).toMatch(/^In order to tackle demand effectively/);
    const chica = await prisma.speaker.findFirstOrThrow({
      where: { name: "Néstor Arbito Chica" },
      include: { delegation: true },
    });
    expect(chica.delegation?.name).toBe("Ecuador");
    const should3 = await prisma.summaryItem.findUniqueOrThrow({ where: { id: `${ID}:should-3` } });
    expect(should3).toMatchObject({ list: "should", n: 3, keyPhrases: ["situational analysis"] });
    const eu = await prisma.delegation.findUniqueOrThrow({ where: { id: `${ID}:delegation-czechia` } });
    expect(eu.onBehalfOf).toBe("EU");
    expect(await prisma.auditLog.count({ where: { action: "dialogue.import", resourceId: ID } })).toBe(1);
  });

  it("does nothing when the same text is imported again", async () => {
    await importText(SOURCE);
    const before = await prisma.dialogue.findUniqueOrThrow({ where: { id: ID } });
    const again = await importText(SOURCE);
    expect(again.status).toBe("unchanged");
    const after = await prisma.dialogue.findUniqueOrThrow({ where: { id: ID } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await countRows()).statements).toBe(16);
  });

  it("syncs a corrected version in place, keeping the ids of what remains", async () => {
    await importText(SOURCE);
    const corrected = SOURCE.replace("roughly 1/3 of Member States", "roughly one third of Member States").replace(
      /\n11\. Address the following issues in a cross-cutting manner[^\n]*/,
      "",
    );
    const result = await importText(corrected);
    expect(result.status).toBe("updated");
    const costa = await prisma.statement.findUniqueOrThrow({ where: { id: `${ID}:opening.costa` } });
    expect(costa.text).toContain("roughly one third of Member States");
    expect(await prisma.summaryItem.findUnique({ where: { id: `${ID}:should-11` } })).toBeNull();
    expect(await prisma.summaryItem.count({ where: { list: "should" } })).toBe(10);
    // The generated search column follows the corrected text.
    const hits = await searchDialogue({ dialogueId: ID, query: "third" });
    expect(hits.map((h) => h.key)).toContain("opening.costa");
  });

  it("writes nothing when any step of the import fails", async () => {
    const parsed = parseDialogue(SOURCE);
    const statement = parsed.segments[1].statements[0];
    statement.sentences.push({ ...statement.sentences[0] }); // a duplicate sentence id violates a unique key
    await expect(importDialogue({ prisma, parsed, sourceText: SOURCE, sourceName: "bad.md" })).rejects.toThrow();
    expect(await countRows()).toEqual({
      dialogues: 0,
      segments: 0,
      speakers: 0,
      statements: 0,
      sentences: 0,
      summaryItems: 0,
      summaryNotes: 0,
      delegations: 0,
    });
  });

  it("imports once when two imports of the same text race", async () => {
    const results = await Promise.all([importText(SOURCE), importText(SOURCE)]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "unchanged"]);
    expect((await countRows()).dialogues).toBe(1);
  });
});

describe("searchDialogue", () => {
  it("finds statements and list items by stem and gives the ranges of each hit", async () => {
    await importText(SOURCE);
    const hits = await searchDialogue({ dialogueId: ID, query: "resources" });
    const keys = hits.map((h) => h.key);
    expect(keys).toEqual(expect.arrayContaining(["should-8", "panel-2.ezeilo", "concerns-1"]));
    const ezeilo = hits.find((h) => h.key === "panel-2.ezeilo")!;
    const statement = await prisma.statement.findUniqueOrThrow({ where: { id: `${ID}:panel-2.ezeilo` } });
    expect(ezeilo.ranges.map((r) => statement.text.slice(r.start, r.end))).toEqual(["resource"]);
    expect(ezeilo.snippet.filter((p) => p.isMatch).map((p) => p.text)).toEqual(["resource"]);
    expect(hits.find((h) => h.key === "should-8")?.context).toBe("should");
  });

  it("finds nothing in another dialogue and treats operators in the query as text", async () => {
    await importText(SOURCE);
    expect(await searchDialogue({ dialogueId: "no-such-dialogue", query: "resources" })).toEqual([]);
    expect(await searchDialogue({ dialogueId: ID, query: '\'); DROP TABLE "Statement"; --' })).toEqual([]);
    expect(await prisma.statement.count()).toBe(16);
  });
});
