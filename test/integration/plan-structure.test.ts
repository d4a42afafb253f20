/**
 * A plan's structure against a real PostgreSQL (lib/plan/structure/): adding,
 * renaming, moving, nesting and removing sections and retitling the plan,
 * each audited and counted in the plan's structure revision; a change against
 * an older revision refused (409) with nothing written; only facilitators and
 * admins may. A removed section keeps its links, threads and amendments,
 * shown as removed with it, out of coverage and exports; a version taken
 * before brings it back with them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { listThreads } from "@/lib/comments/list-threads";
import { getPrisma } from "@/lib/db";
import { computeCoverage, countCoverage } from "@/lib/provenance/compute-coverage";
import { addSection } from "@/lib/plan/structure/add-section";
import { changeSection } from "@/lib/plan/structure/change-section";
import { removeSection } from "@/lib/plan/structure/remove-section";
import { retitlePlan } from "@/lib/plan/structure/retitle-plan";
import { createVersion } from "@/lib/versions/create-version";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createAmendment, createPlan, createThread, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

setUpSeedDialogue();
const prisma = getPrisma();
let facilitator: CurrentUser;
let delegate: CurrentUser;
let observer: CurrentUser;

beforeAll(async () => {
  facilitator = await createUser({ role: "facilitator" });
  delegate = await createUser({ role: "delegate", delegationName: "Bahrain" });
  observer = await createUser({ role: "observer" });
});

/** How many points of the dialogue the plan covers with a confirmed source. */
async function coveredCount(planId: string): Promise<number> {
  const coverage = await computeCoverage({ planId });
  return countCoverage(Object.values(coverage.lists).flat()).covered;
}

async function outline(planId: string) {
  const plan = await prisma.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      title: true,
      structureRevision: true,
      sections: {
        where: { removedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, key: true, title: true, part: true, level: true, position: true },
      },
    },
  });
  return { ...plan, keys: plan.sections.map((s) => s.key) };
}

describe("section operations", () => {
  it("adds, renames, moves, nests and retitles, each audited and counting the revision", async () => {
    const { id: planId } = await createPlan();
    const start = await outline(planId);
    expect(start.structureRevision).toBe(0);

    const added = await addSection({
      actor: facilitator,
      planId,
      input: { expectedRevision: 0, title: "Trafficking for organ removal", position: 2, level: 1 },
    });
    expect(added).toMatchObject({ revision: 1, section: { key: "trafficking-for-organ-removal" } });
    let now = await outline(planId);
    expect(now.keys[2]).toBe("trafficking-for-organ-removal");
    expect(now.sections.map((s) => s.position)).toEqual(now.sections.map((_, i) => i));

    await changeSection({
      actor: facilitator,
      planId,
      sectionId: added.section.id,
      input: { expectedRevision: 1, title: "Organ removal", position: 0 },
    });
    await changeSection({
      actor: facilitator,
      planId,
      sectionId: now.sections[3].id,
      input: { expectedRevision: 2, level: 2 },
    });
    await retitlePlan({ actor: facilitator, planId, input: { expectedRevision: 3, title: "Global Plan of Action" } });
    now = await outline(planId);
    expect(now).toMatchObject({ title: "Global Plan of Action", structureRevision: 4 });
    expect(now.sections[0]).toMatchObject({ title: "Organ removal", level: 1 });
    expect(now.sections[3].level).toBe(2);

    const audit = await prisma.auditLog.findMany({
      where: { action: { startsWith: "plan." }, detail: { path: ["planId"], equals: planId } },
      orderBy: { createdAt: "asc" },
      select: { action: true, userId: true },
    });
    expect(audit.map((entry) => entry.action)).toEqual([
      "plan.section.add",
      "plan.section.change",
      "plan.section.change",
      "plan.retitle",
    ]);
    expect(audit.every((entry) => entry.userId === facilitator.id)).toBe(true);
  });

  it("keeps a resolution's text before its annex: a section takes the part of where it is put", async () => {
    const { id: planId } = await createPlan();
    const sections = (await outline(planId)).sections;
    // A plan of action is one numbering; a section added at its end may start an annex.
    const annex = await addSection({
      actor: facilitator,
      planId,
      input: { expectedRevision: 0, title: "Annex", position: sections.length, level: 1, part: "annex" },
    });
    expect(annex.section.part).toBe("annex");
    // Moved above the main text's last section, it joins the main text.
    await changeSection({
      actor: facilitator,
      planId,
      sectionId: annex.section.id,
      input: { expectedRevision: 1, position: 0 },
    });
    const parts = (await outline(planId)).sections.map((s) => s.part);
    expect(parts.every((part) => part === "main")).toBe(true);
  });

  it("refuses a change made against an older revision (409), and other roles (403), writing nothing", async () => {
    const { id: planId } = await createPlan();
    const before = await outline(planId);
    const stale = { expectedRevision: 7, title: "Stale" };
    await expect(retitlePlan({ actor: facilitator, planId, input: stale })).rejects.toMatchObject({
      code: "conflict",
    });
    for (const actor of [delegate, observer]) {
      await expect(
        addSection({ actor, planId, input: { expectedRevision: 0, title: "Mine", position: 0, level: 1 } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        removeSection({ actor, planId, sectionId: before.sections[0].id, input: { expectedRevision: 0 } }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await outline(planId)).toEqual(before);
  });

  it("lets only one of two changes made against the same revision through", async () => {
    const { id: planId } = await createPlan();
    const [first, second] = (await outline(planId)).sections;
    const results = await Promise.allSettled([
      changeSection({ actor: facilitator, planId, sectionId: first.id, input: { expectedRevision: 0, title: "A" } }),
      changeSection({ actor: facilitator, planId, sectionId: second.id, input: { expectedRevision: 0, title: "B" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await outline(planId)).structureRevision).toBe(1);
  });
});

describe("removing a section", () => {
  it("keeps its links, threads and amendments as removed with it, out of coverage, until a version restores it", async () => {
    const { id: planId } = await createPlan();
    const resources = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const thread = await createThread({ actor: delegate, planId });
    const amendment = await createAmendment({ actor: delegate, planId, sectionKey: "resources" });
    const links = await prisma.provenanceLink.count({ where: { sectionId: resources.id } });
    expect(links).toBeGreaterThan(0);
    const coveredBefore = await coveredCount(planId);
    const version = await createVersion({ actor: facilitator, planId, input: { label: "Before removal" } });

    const removed = await removeSection({
      actor: facilitator,
      planId,
      sectionId: resources.id,
      input: { expectedRevision: 0 },
    });
    expect(removed.kept).toMatchObject({ links, threads: 1, amendments: 1 });
    expect((await outline(planId)).keys).not.toContain("resources");
    // Nothing deleted: the rows are there, shown as removed with the section.
    expect(await prisma.provenanceLink.count({ where: { sectionId: resources.id } })).toBe(links);
    const threads = await listThreads({ viewer: facilitator, planId });
    expect(threads.find((t) => t.id === thread.id)?.anchor).toBe("removed");
    const amendments = await listAmendments({ viewer: facilitator, planId });
    expect(amendments.find((a) => a.id === amendment.id)).toMatchObject({ isSectionRemoved: true });
    // Coverage follows the structure: what only the removed section reflected is no longer covered.
    expect(await coveredCount(planId)).toBeLessThan(coveredBefore);

    const restored = await restoreVersion({ actor: facilitator, planId, input: { versionId: version.id } });
    expect(restored.broughtBack).toEqual(["resources"]);
    const back = await outline(planId);
    expect(back.keys).toEqual(
      (
        await prisma.planVersionSection.findMany({
          where: { versionId: version.id },
          orderBy: { position: "asc" },
          select: { key: true },
        })
      ).map((s) => s.key),
    );
    expect(back.structureRevision).toBe(2);
    expect((await listThreads({ viewer: facilitator, planId })).find((t) => t.id === thread.id)?.anchor).not.toBe(
      "removed",
    );
    expect(await coveredCount(planId)).toBe(coveredBefore);
  });

  it("is undone for sections added since: restoring an older version removes them, and brings the old title back", async () => {
    const { id: planId } = await createPlan();
    const version = await createVersion({ actor: facilitator, planId, input: { label: "Zero draft" } });
    const { title } = await outline(planId);
    await addSection({
      actor: facilitator,
      planId,
      input: { expectedRevision: 0, title: "Added later", position: 0, level: 1 },
    });
    await retitlePlan({ actor: facilitator, planId, input: { expectedRevision: 1, title: "Renamed plan" } });
    const restored = await restoreVersion({ actor: facilitator, planId, input: { versionId: version.id } });
    expect(restored.removed).toEqual(["added-later"]);
    const now = await outline(planId);
    expect(now.keys).not.toContain("added-later");
    expect(now.title).toBe(title);
  });
});
