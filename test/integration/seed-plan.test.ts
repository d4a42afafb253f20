import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { seedPlan } from "@/lib/plan/seed-plan";
import { findPlanTemplate } from "@/lib/plan/templates";
import { computeCoverage, countCoverage } from "@/lib/provenance/compute-coverage";
import { suggestSources } from "@/lib/provenance/suggest-sources";
import { readGoldSet, scoreRanking } from "@/bench/gold-set";
import { SEED_DIALOGUE_ID, SEED_SOURCE } from "@/test/support/seed-database";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
const SOURCE = SEED_SOURCE;
const DIALOGUE = SEED_DIALOGUE_ID;
const PLAN_OF_ACTION = findPlanTemplate("plan-of-action")!;
let planId: string;

setUpSeedDialogue();
beforeAll(async () => {
  planId = (await seedPlan({ dialogueId: DIALOGUE })).planId;
});

describe("seedPlan on the 2009 dialogue", () => {
  it("creates the template's sections in order, each with guidance and stable block ids", async () => {
    const sections = await prisma.planSection.findMany({ where: { planId }, orderBy: { position: "asc" } });
    expect(sections.map((s) => s.key)).toEqual(PLAN_OF_ACTION.sections.map((t) => t.key));
    expect(sections.map((s) => s.key).slice(0, 3)).toEqual(["principles", "situational-analysis", "objectives"]);
    expect(sections.at(-1)!.key).toBe("further-elements");
    const resources = sections.find((s) => s.key === "resources")!;
    expect(resources.text).toContain("Map the resources required and how they may be mobilized.");
    expect(JSON.stringify(resources.content)).toContain('"blockId":"resources.should-8"');
    // A concern is not restated as draft text: saying it again does not answer it.
    expect(sections.map((s) => s.text).join("\n")).not.toContain("A Global Plan of Action may duplicate");
  });

  it("labels a bullet with the list it came from beside its text, never in it", async () => {
    const cooperation = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "cooperation" } });
    const items = (cooperation.content as { content: { type: string; content?: { attrs: object }[] }[] }).content
      .filter((node) => node.type === "bulletList")
      .flatMap((list) => list.content!.map((item) => item.attrs));
    expect(items).toContainEqual({ blockId: "cooperation.gaps-8", seedLabel: "Gap" });
    expect(items).toContainEqual({ blockId: "cooperation.should-9", seedLabel: null });
    expect(cooperation.text).toContain("Improve cooperation among stakeholders");
    expect(cooperation.text).not.toMatch(/Gap to close|Agreed:|In favour:/);
  });

  it("links every one of the 11 should items from at least one section", async () => {
    const linked = await prisma.summaryItem.findMany({
      where: { dialogueId: DIALOGUE, list: "should", links: { some: { planId, status: "confirmed" } } },
      select: { key: true },
    });
    expect(linked.map((i) => i.key).sort()).toEqual(Array.from({ length: 11 }, (_, i) => `should-${i + 1}`).sort());
  });

  it("gives every section but the fallback at least one confirmed link", async () => {
    const sections = await prisma.planSection.findMany({
      where: { planId },
      select: { key: true, _count: { select: { links: { where: { status: "confirmed" } } } } },
    });
    // Every item of 2009 found a section of its own: nothing fell back.
    expect(sections.filter((s) => s._count.links === 0).map((s) => s.key)).toEqual(["further-elements"]);
  });

  it("answers each of the three concerns with a responds_to_concern link", async () => {
    const concerns = await prisma.summaryItem.findMany({
      where: { dialogueId: DIALOGUE, list: "concerns" },
      select: {
        key: true,
        links: {
          where: { planId, relation: "responds_to_concern", status: "confirmed" },
          select: { section: { select: { key: true } } },
        },
      },
    });
    expect(concerns).toHaveLength(3);
    for (const concern of concerns) expect(concern.links.length, concern.key).toBeGreaterThan(0);
    expect(concerns[0].links.map((l) => l.section.key)).toContain("existing-instruments");
  });

  it("suggests statements for every section, and writes the seeding to the audit log", async () => {
    const suggested = await prisma.provenanceLink.groupBy({
      by: ["sectionId"],
      where: { planId, status: "suggested", targetType: "statement" },
      _count: true,
    });
    expect(suggested).toHaveLength(PLAN_OF_ACTION.sections.length);
    expect(await prisma.auditLog.count({ where: { action: "plan.seed", resourceId: planId } })).toBe(1);
  });

  it("is idempotent", async () => {
    const before = await prisma.provenanceLink.count();
    expect(await seedPlan({ dialogueId: DIALOGUE })).toMatchObject({ planId, status: "unchanged" });
    expect(await prisma.provenanceLink.count()).toBe(before);
    expect(await prisma.plan.count({ where: { dialogueId: DIALOGUE } })).toBe(1);
  });

  it('links each section\'s seeded passages to their summary items, and covers every "should" item', async () => {
    const principles = await prisma.planSection.findFirstOrThrow({
      where: { planId, key: "principles" },
      include: { links: true },
    });
    expect(principles.links).toContainEqual(
      expect.objectContaining({
        status: "confirmed",
        relation: "derived_from",
        blockId: expect.stringMatching(/^principles\./),
        targetType: "summary_item",
        sentenceId: null,
      }),
    );
    const coverage = await computeCoverage({ planId });
    expect(countCoverage(coverage.lists.should)).toMatchObject({
      covered: 11,
      suggested: 0,
      excluded: 0,
      uncovered: 0,
    });
    expect(Object.keys(coverage.lists)).toEqual(["consensus", "gaps", "inFavour", "should", "concerns"]);
  });
});

describe("suggestSources", () => {
  it.each([
    ["Map the resources required to implement the plan and how they may be mobilized", "should-8"],
    ["Address the root causes of trafficking and the demand that fosters exploitation", "should-10"],
    ["Tackle demand by addressing the businesses that profit and the buyers of trafficked people", "panel-2.gupta.s4"],
    ["The plan must be grounded on human rights and practical in its approach", "panel-1.ndiaye.s5"],
  ])("ranks the gold source first for %j", async (text, address) => {
    const suggestions = await suggestSources({ dialogueId: DIALOGUE, text, limit: 10 });
    expect(suggestions[0]?.address).toBe(address);
  });

  // A floor under quality, not its measure (that is bench/suggest-quality.ts): a change that
  // loses the first relevant source for some passages fails here before it lands. Only the
  // development set: gating on the held-out set would tune the ranker to it, and it would no
  // longer measure anything held out.
  it("finds a relevant source near the top for every passage of the development gold set", async () => {
    const gold = readGoldSet("test/fixtures/provenance-gold.json");
    const [sentences, items] = await Promise.all([
      prisma.sentence.findMany({ where: { dialogueId: DIALOGUE }, select: { key: true } }),
      prisma.summaryItem.findMany({ where: { dialogueId: DIALOGUE }, select: { key: true } }),
    ]);
    const units = [...sentences, ...items].map((u) => u.key);
    const reciprocalRanks: number[] = [];
    for (const passage of gold.passages) {
      const suggestions = await suggestSources({ dialogueId: DIALOGUE, text: passage.text, limit: 10 });
      reciprocalRanks.push(
        scoreRanking(
          suggestions.map((s) => s.address),
          passage.relevant,
          units,
        ).reciprocalRank,
      );
    }
    expect(reciprocalRanks.filter((rr) => rr === 0)).toEqual([]);
    expect(reciprocalRanks.reduce((total, rr) => total + rr, 0) / reciprocalRanks.length).toBeGreaterThanOrEqual(0.9);
  });

  it("finds sources that say the passage's idea in other words (the thesaurus)", async () => {
    // Neither source says "funding": one says "resource needs", the other "the resources required".
    const suggestions = await suggestSources({
      dialogueId: DIALOGUE,
      text: "Estimate the funding each action needs",
      limit: 3,
    });
    expect(
      suggestions
        .slice(0, 2)
        .map((s) => s.address)
        .sort(),
    ).toEqual(["panel-2.ezeilo.s6", "should-8"]);
    expect(suggestions.every((s) => s.duplicates.length === 0)).toBe(true);
  });

  it("never suggests what is excluded, and returns nothing for an empty passage", async () => {
    const first = await suggestSources({ dialogueId: DIALOGUE, text: "resources required", limit: 3 });
    const again = await suggestSources({
      dialogueId: DIALOGUE,
      text: "resources required",
      limit: 3,
      excludeTargetKeys: new Set([first[0].targetKey]),
    });
    expect(again.map((s) => s.targetKey)).not.toContain(first[0].targetKey);
    expect(await suggestSources({ dialogueId: DIALOGUE, text: "   the of and " })).toEqual([]);
  });
});

describe("suggestions for a passage", () => {
  it("never suggests again a source a facilitator rejected for that passage", async () => {
    const { suggestForPassage } = await import("@/lib/provenance/suggest-for-passage");
    const { decideLink } = await import("@/lib/provenance/decide-link");
    const facilitator = await prisma.user.create({
      data: { email: "f@example.org", name: "F", passwordHash: "x", role: "facilitator" },
      select: { id: true, email: true, name: true, role: true, delegationId: true },
    });
    const actor = { ...facilitator, delegation: null };
    const blockId = "resources.should-8";
    const [top] = await suggestForPassage({ viewer: actor, planId, sectionKey: "resources", blockId });
    const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const link = await prisma.provenanceLink.create({
      data: {
        planId,
        sectionId: section.id,
        blockId,
        targetType: top.target.type === "statement" ? "statement" : "summary_item",
        targetKey: top.targetKey,
        statementId: top.target.type === "statement" ? top.target.id : null,
        sentenceId: top.target.sentenceId,
        summaryItemId: top.target.type === "summary-item" ? top.target.id : null,
        relation: "supports",
        status: "suggested",
      },
    });
    await decideLink({ actor, planId, linkId: link.id, input: { decision: "reject" } });
    const again = await suggestForPassage({ viewer: actor, planId, sectionKey: "resources", blockId });
    expect(again.map((s) => s.targetKey)).not.toContain(top.targetKey);
    expect(
      await prisma.auditLog.count({
        where: { action: "provenance.reject", resourceId: link.id, userId: facilitator.id },
      }),
    ).toBe(1);
    await expect(decideLink({ actor, planId, linkId: link.id, input: { decision: "confirm" } })).rejects.toThrow(
      /already rejected/,
    );
  });

  it("lets a facilitator take back a confirmed source: rejected, audited, never suggested again, and announced to the coverage board", async () => {
    const { decideLink } = await import("@/lib/provenance/decide-link");
    const { suggestForPassage } = await import("@/lib/provenance/suggest-for-passage");
    const facilitator = await prisma.user.create({
      data: { email: "unconfirm@example.org", name: "U", passwordHash: "x", role: "facilitator" },
      select: { id: true, email: true, name: true, role: true, delegationId: true },
    });
    const actor = { ...facilitator, delegation: null };
    // Not should-8's: a later test corrects that item's words and expects its confirmed links to turn suspect.
    const link = await prisma.provenanceLink.findFirstOrThrow({
      where: {
        planId,
        status: "confirmed",
        cited: false,
        amendmentId: null,
        blockId: { not: "" },
        summaryItem: { key: "should-1" },
      },
      include: { section: { select: { key: true } } },
    });
    const listener = await listenForLinkNotices();
    await decideLink({ actor, planId, linkId: link.id, input: { decision: "reject" } });
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("rejected");
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "provenance.reject", resourceId: link.id },
    });
    expect([audit.userId, (audit.detail as { from: string }).from]).toEqual([facilitator.id, "confirmed"]);
    const again = await suggestForPassage({
      viewer: actor,
      planId,
      sectionKey: link.section.key,
      blockId: link.blockId,
    });
    expect(again.map((s) => s.targetKey)).not.toContain(link.targetKey);
    expect(await listener.stop()).toContainEqual({ type: "links-changed", planId, sectionId: link.sectionId });
  });

  it("tells the coverage board when a point is excluded, and when it is included again", async () => {
    const { excludeFromCoverage, includeInCoverage } = await import("@/lib/provenance/exclude-from-coverage");
    const facilitator = await prisma.user.create({
      data: { email: "exclude@example.org", name: "E", passwordHash: "x", role: "facilitator" },
      select: { id: true, email: true, name: true, role: true, delegationId: true },
    });
    const actor = { ...facilitator, delegation: null };
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const delegation = await prisma.delegation.findFirstOrThrow({ where: { dialogueId: plan.dialogueId } });
    const target = { targetType: "delegation" as const, targetId: delegation.id };
    const listener = await listenForLinkNotices();
    await excludeFromCoverage({ actor, planId, input: { ...target, reason: "Spoke only in the general debate" } });
    await includeInCoverage({ actor, planId, input: target });
    expect(await listener.stop()).toEqual([
      { type: "coverage-changed", planId },
      { type: "coverage-changed", planId },
    ]);
  });

  it("refuses to take back a source the text cites, or an accepted amendment's link, writing nothing", async () => {
    const { decideLink } = await import("@/lib/provenance/decide-link");
    const actor = {
      id: "f2",
      email: "f2@x",
      name: "F2",
      role: "facilitator" as const,
      delegationId: null,
      delegation: null,
    };
    const link = await prisma.provenanceLink.findFirstOrThrow({
      where: { planId, status: "confirmed", amendmentId: null },
    });
    await prisma.provenanceLink.update({ where: { id: link.id }, data: { cited: true } });
    await expect(decideLink({ actor, planId, linkId: link.id, input: { decision: "reject" } })).rejects.toThrow(
      /cites this source/,
    );
    await expect(decideLink({ actor, planId, linkId: link.id, input: { decision: "confirm" } })).rejects.toThrow(
      /already confirmed/,
    );
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("confirmed");
    await prisma.provenanceLink.update({ where: { id: link.id }, data: { cited: false } });
  });

  it("refuses an observer at the library level too", async () => {
    const { decideLink } = await import("@/lib/provenance/decide-link");
    const link = await prisma.provenanceLink.findFirstOrThrow({ where: { planId, status: "suggested" } });
    const observer = {
      id: "o",
      email: "o@x",
      name: "O",
      role: "observer" as const,
      delegationId: null,
      delegation: null,
    };
    await expect(
      decideLink({ actor: observer, planId, linkId: link.id, input: { decision: "confirm" } }),
    ).rejects.toThrow(/may not/);
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("suggested");
  });
});

describe("a corrected import under a plan", () => {
  it("leaves links alone when only lines move (a blank line added)", async () => {
    const moved = SOURCE.replace("### OPENING SESSION:", "\n### OPENING SESSION:");
    expect(
      (await importDialogue({ prisma, parsed: parseDialogue(moved), sourceText: moved, sourceName: "seed.md" })).status,
    ).toBe("updated");
    expect(await prisma.provenanceLink.count({ where: { planId, status: "suspect" } })).toBe(0);
  });

  it("marks the confirmed links of sources whose words changed as suspect, and keeps the rest", async () => {
    const confirmed = await prisma.provenanceLink.findMany({
      where: { planId, summaryItem: { key: "should-8" }, status: "confirmed" },
      select: { id: true },
    });
    const corrected = SOURCE.replace("and how they may be mobilized.", "and how they may be raised.");
    const result = await importDialogue({
      prisma,
      parsed: parseDialogue(corrected),
      sourceText: corrected,
      sourceName: "seed.md",
    });
    expect(result.status).toBe("updated");
    const should8 = await prisma.provenanceLink.findMany({
      where: { id: { in: confirmed.map((link) => link.id) } },
      select: { status: true },
    });
    expect(should8.length).toBeGreaterThan(0);
    expect(should8.every((l) => l.status === "suspect")).toBe(true);
    expect(
      await prisma.provenanceLink.count({ where: { planId, summaryItem: { key: "should-3" }, status: "confirmed" } }),
    ).toBeGreaterThan(0);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "dialogue.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.detail).toMatchObject({ suspectLinks: should8.length });
  });

  it("refuses, in plain words, a version that drops a cited unit", async () => {
    const dropped = SOURCE.replace(/\n8\. \*\*Map the resources required\*\*[^\n]*/, "");
    await expect(
      importDialogue({ prisma, parsed: parseDialogue(dropped), sourceText: dropped, sourceName: "seed.md" }),
    ).rejects.toThrow(/drops units that are still in use/);
    expect(await prisma.summaryItem.count({ where: { key: "should-8" } })).toBe(1);
  });
});

/** Listens on the collab channel, as the app's plan-activity streams do; `stop` gives the notices for the coverage board heard. */
async function listenForLinkNotices(): Promise<{ stop: () => Promise<unknown[]> }> {
  const { COLLAB_CHANNEL } = await import("@/lib/live/channels");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const notices: unknown[] = [];
  client.on("notification", (message) => {
    const notice = JSON.parse(message.payload ?? "null") as { type?: string } | null;
    if (notice?.type === "links-changed" || notice?.type === "coverage-changed") notices.push(notice);
  });
  await client.connect();
  await client.query(`LISTEN ${COLLAB_CHANNEL}`);
  return {
    async stop() {
      // A notice is delivered after its transaction commits: give it a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.end();
      return notices;
    },
  };
}
