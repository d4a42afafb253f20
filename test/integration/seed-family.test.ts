/**
 * Seeding works for the family, not only for the dialogue it was first built on: for the 2009 dialogue and every
 * dialogue of test/fixtures/dialogues (other topics, other wording, a list missing, a speaker twice), with each
 * template, every "should" item is placed in the sections its words point to, every concern is linked from a section
 * and starts raised on the register, no section names a topic the dialogue never spoke of, and seeding again changes
 * nothing. The parser's unseen fixtures get the same checks, but for where the words point.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { seedPlan } from "@/lib/plan/seed-plan";
import { readSeedingReport } from "@/lib/plan/seeding-report";
import { PLAN_TEMPLATES } from "@/lib/plan/templates";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { findBorrowedTerms } from "@/test/support/topic-terms";

const prisma = getPrisma();
const fixturesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(dir, f));
const WRITTEN = ["prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", ...fixturesIn("test/fixtures/dialogues")];
const UNSEEN = [...fixturesIn("test/fixtures/dialogues-unseen"), ...fixturesIn("test/fixtures/dialogues-unseen-2")];

/** Where an item's words point: a word in the item, and the section (by the end of its key) that must hold it. */
const POINTERS: [RegExp, string][] = [
  [/\btargets?\b|\bindicators?\b/i, "targets"],
  [/\bresources\b|\bfunding\b|\bfinancing\b/i, "resources"],
  [/\bmonitoring\b/i, "monitoring-and-review"],
  [/\btime-?frame\b|\btime-bound\b/i, "timeframe"],
  [/\bpartnerships?\b|\bcooperation\b/i, "cooperation"],
  [/\bsituational analysis\b|\bbaseline\b/i, "situational-analysis"],
];

setUpSeedDialogue();

async function importFile(file: string): Promise<{ dialogueId: string; source: string }> {
  const input = await readDialogueFile(file);
  const { dialogueId } = await importDialogue({ prisma, ...input, sourceName: path.basename(file) });
  return { dialogueId, source: readFileSync(file, "utf8") };
}

/** Each summary item of the plan's dialogue with the keys of the sections that hold a confirmed link to it. */
async function readPlacements(planId: string, dialogueId: string) {
  const items = await prisma.summaryItem.findMany({
    where: { dialogueId },
    select: {
      key: true,
      list: true,
      text: true,
      links: { where: { planId, status: "confirmed" }, select: { relation: true, section: { select: { key: true } } } },
    },
  });
  return items.map((i) => ({ ...i, sections: i.links.map((l) => l.section.key) }));
}

describe.each([...WRITTEN, ...UNSEEN])("seeding %s", (file) => {
  const isWritten = WRITTEN.includes(file);
  let dialogueId: string;
  let source: string;
  beforeAll(async () => {
    ({ dialogueId, source } = await importFile(file));
  });

  describe.each(PLAN_TEMPLATES.map((t) => t.key))("with the %s template", (templateKey) => {
    let planId: string;
    beforeAll(async () => {
      ({ planId } = await seedPlan({ dialogueId, templateKey }));
    });

    it('places every "should" item with a confirmed derived_from link, where its words point', async () => {
      const should = (await readPlacements(planId, dialogueId)).filter((i) => i.list === "should");
      for (const item of should) {
        expect(item.sections.length, item.key).toBeGreaterThan(0);
        expect(item.links.every((l) => l.relation === "derived_from")).toBe(true);
        if (!isWritten) continue;
        for (const [words, section] of POINTERS)
          if (words.test(item.text))
            expect(
              item.sections.map((key) => key.endsWith(section)),
              item.text,
            ).toContain(true);
      }
    });

    it("links every concern from a section, and the register shows each as raised", async () => {
      const concerns = (await readPlacements(planId, dialogueId)).filter((i) => i.list === "concerns");
      for (const concern of concerns) {
        expect(concern.sections.length, concern.key).toBeGreaterThan(0);
        expect(concern.links.every((l) => l.relation === "responds_to_concern")).toBe(true);
      }
      const register = await prisma.concern.findMany({ where: { planId, origin: "dialogue" } });
      expect(register).toHaveLength(concerns.length);
      expect(register.every((c) => c.status === "raised")).toBe(true);
    });

    it("names no topic term that the dialogue does not use, in any title, guidance or text", async () => {
      const sections = await prisma.planSection.findMany({ where: { planId } });
      const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      const written = [plan.title, ...sections.flatMap((s) => [s.title, s.guidance, s.text])].join("\n");
      expect(findBorrowedTerms(written, source)).toEqual([]);
    });

    it("reports where every item went, marking what fell back", async () => {
      const report = await readSeedingReport({ planId });
      const should = report.rows.filter((r) => r.list === "should");
      expect(should.every((r) => r.state !== "not_placed")).toBe(true);
      for (const row of report.rows.filter((r) => r.state === "fell_back"))
        expect(row.placements.map((p) => p.sectionKey.replace(/^annex-/, ""))).toEqual(["further-elements"]);
    });

    it("is idempotent", async () => {
      const count = () =>
        Promise.all([
          prisma.provenanceLink.count({ where: { planId } }),
          prisma.seedPlacement.count({ where: { planId } }),
          prisma.plan.count({ where: { dialogueId, templateKey } }),
        ]);
      const before = await count();
      expect(await seedPlan({ dialogueId, templateKey })).toMatchObject({ planId, status: "unchanged" });
      expect(await count()).toEqual(before);
    });
  });
});

describe("where the 2018 fixture's items go", () => {
  it("sends each to the section its words name, and the seeding report says why", async () => {
    const { dialogueId } = await importFile("test/fixtures/dialogues/ga-dialogue-2018-sustainable-tourism.md");
    const { planId } = await seedPlan({ dialogueId, templateKey: "plan-of-action" });
    const placed = Object.fromEntries(
      (await readPlacements(planId, dialogueId)).map((item) => [item.key, item.sections.sort()]),
    );
    expect(placed["should-1"]).toEqual(expect.arrayContaining(["targets", "timeframe"]));
    expect(placed["should-2"]).toContain("resources");
    expect(placed["should-3"]).toContain("monitoring-and-review");
    expect(placed["should-4"]).toContain("situational-analysis");
    expect(placed["should-5"]).toContain("cooperation");
    expect(placed["should-7"]).toContain("targets");
    expect(placed["should-8"]).toContain("timeframe");
    expect(placed["concerns-1"]).toContain("existing-instruments");
    const report = await readSeedingReport({ planId });
    expect(report.rows.find((r) => r.list === "should" && r.n === 2)!.placements).toContainEqual(
      expect.objectContaining({
        sectionKey: "resources",
        method: "key_phrase",
        evidence: expect.stringContaining("funding"),
      }),
    );
  });
});
