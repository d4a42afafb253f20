/**
 * Versions against a real PostgreSQL and a real collaboration server: a
 * named version snapshots every stored section (Yjs state and Tiptap JSON),
 * the links and the open amendments; an identical automatic snapshot is
 * skipped; the summary counts the words; a comparison shows the word diff
 * and the citations that came and went; a restore goes through Yjs — a
 * connected editor sees the old text come back live — after writing a
 * before_restore version, in one transaction; only facilitators may; and
 * the collab server's timer takes automatic versions of a plan being edited.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CollabServer } from "@/lib/collab/server";
import { getPrisma } from "@/lib/db";
import { findPassage, readPassages } from "@/lib/editor/passages";
import { compareVersions } from "@/lib/versions/compare-versions";
import { createVersion } from "@/lib/versions/create-version";
import { listVersions } from "@/lib/versions/list-versions";
import { restoreVersion } from "@/lib/versions/restore-version";
import { ZCreateVersion } from "@/lib/versions/schemas";
import { takeAutoSnapshot } from "@/lib/versions/take-auto-snapshot";
import { writeVersion } from "@/lib/versions/write-version";
import { blockTextIn, connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
const SECTION = "resources";
const BLOCK = "resources.should-8";
const ORIGINAL = "Map the resources required and how they may be mobilized.";
const EDITED = "Map the predictable resources required and how they may be mobilized by 2012.";
let planId: string;
let sectionId: string;
let server: CollabServer;
let editor: TestClient;
let facilitator: CurrentUser;
let delegate: CurrentUser;
let observer: CurrentUser;

const liveText = () => blockTextIn(editor.doc, BLOCK).toString();

async function storedText(): Promise<string> {
  const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true } });
  return findPassage(section.content as JSONContent, BLOCK)!.text;
}

/** Types into the live document, as an editor would, and waits until the collab server has stored it. */
async function typeText(text: string): Promise<void> {
  const yText = blockTextIn(editor.doc, BLOCK);
  editor.doc.transact(() => {
    yText.delete(0, yText.length);
    yText.insert(0, text);
  });
  await editor.settled();
  await server.flush();
  await waitFor(async () => (await storedText()) === text, `"${text}" is stored`);
}

/** Puts a citation of `linkId` at the end of the passage, as the editor's "Cite" does. */
async function cite(linkId: string): Promise<void> {
  const paragraph = blockTextIn(editor.doc, BLOCK).parent as Y.XmlElement;
  const citation = new Y.XmlElement("citation");
  citation.setAttribute("linkId", linkId);
  paragraph.insert(paragraph.length, [citation]);
  await editor.settled();
  await server.flush();
  await waitFor(async () => {
    const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true } });
    return readPassages(section.content as JSONContent).some((p) => p.citations.includes(linkId));
  }, "the citation is stored");
}

const create = (label: string, actor = facilitator) =>
  createVersion({ actor, planId, input: ZCreateVersion.parse({ label }) });

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  sectionId = (await prisma.planSection.findFirstOrThrow({ where: { planId, key: SECTION } })).id;
  [facilitator, delegate, observer] = await Promise.all([
    createUser({ role: "facilitator" }),
    createUser({ role: "delegate", delegationName: "Bahrain" }),
    createUser({ role: "observer" }),
  ]);
  server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
  editor = connectClient({ port: server.port, planId, sectionId, token: (await createTestUser("facilitator")).token });
  await editor.synced;
});
afterAll(async () => {
  editor?.close();
  await server?.stop();
});

describe("versions", () => {
  let zeroDraft: string;
  let rev1: string;
  let linkId: string;

  it("snapshots every section (Yjs state and Tiptap JSON), the links and the open amendments, audited", async () => {
    await proposeAmendment({
      actor: delegate,
      planId,
      input: ZProposeAmendment.parse({
        sectionKey: SECTION,
        blockId: BLOCK,
        kind: "delete",
        quote: { exact: "Map" },
        rationale: "Shorter.",
      }),
    });
    const version = await create("Zero draft");
    zeroDraft = version.id;
    expect(version).toMatchObject({ number: 1, kind: "named", label: "Zero draft" });
    const stored = await prisma.planVersion.findUniqueOrThrow({
      where: { id: version.id },
      include: { sections: true },
    });
    const sections = await prisma.planSection.findMany({ where: { planId }, orderBy: { position: "asc" } });
    expect(stored.sections).toHaveLength(sections.length);
    for (const section of sections) {
      const snap = stored.sections.find((s) => s.key === section.key)!;
      expect(snap).toMatchObject({
        sectionId: section.id,
        title: section.title,
        position: section.position,
        text: section.text,
        content: section.content,
      });
      expect(
        snap.ydoc === null ? section.ydoc === null : Buffer.from(snap.ydoc).equals(Buffer.from(section.ydoc!)),
      ).toBe(true);
    }
    // The edited section was loaded by the collab server, so its Yjs state is there, and it reads back as the same document.
    const snap = stored.sections.find((s) => s.key === SECTION)!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(snap.ydoc!));
    expect(doc.getXmlFragment("default").toString()).toContain("Map the resources required");
    expect((stored.links as unknown[]).length).toBe(await prisma.provenanceLink.count({ where: { planId } }));
    expect(stored.amendments).toEqual([
      expect.objectContaining({
        number: 1,
        sectionKey: SECTION,
        kind: "delete",
        quoteExact: "Map",
        delegation: "Bahrain",
        label: "Amendment 1 by Bahrain",
      }),
    ]);
    expect(stored.summary).toMatchObject({
      previousNumber: null,
      sectionsChanged: sections.filter((s) => s.text).map((s) => s.key),
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "version.create", resourceId: version.id, userId: facilitator.id },
      }),
    ).toBe(1);
  });

  it("refuses a label already used (409) and writes nothing", async () => {
    const before = await prisma.planVersion.count();
    await expect(create("Zero draft")).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(await prisma.planVersion.count()).toBe(before);
    expect(ZCreateVersion.safeParse({ label: "  " }).error?.issues[0].path).toEqual(["label"]);
  });

  it("skips an automatic snapshot identical to the latest version, and takes one after an edit", async () => {
    expect(await takeAutoSnapshot({ planId })).toEqual({ status: "identical" });
    await typeText(EDITED);
    const auto = await takeAutoSnapshot({ planId });
    expect(auto).toMatchObject({
      status: "taken",
      version: { number: 2, kind: "auto", label: expect.stringMatching(/^Auto \d{4}-\d\d-\d\d \d\d:\d\d UTC/) },
    });
    expect(await takeAutoSnapshot({ planId })).toEqual({ status: "identical" });
    // Too soon after the latest one (another collab server just took it): skipped too.
    await typeText(ORIGINAL);
    expect(await takeAutoSnapshot({ planId, minAgeMs: 60_000 })).toEqual({ status: "recent" });
  });

  it("summarises each version against the previous one: sections changed, words added and removed", async () => {
    await typeText(EDITED);
    const confirmed = await prisma.provenanceLink.findFirstOrThrow({
      where: { sectionId, status: "confirmed", summaryItemId: { not: null } },
      include: { summaryItem: true },
    });
    linkId = confirmed.id;
    await cite(linkId);
    const version = await create("Rev.1");
    rev1 = version.id;
    // Against the automatic version 2, which already had EDITED: only the citation changed, and citations are not words.
    expect(version.summary).toEqual({ previousNumber: 2, sectionsChanged: [], wordsAdded: 0, wordsRemoved: 0 });
    const listed = (await listVersions({ viewer: observer, planId }))!.versions;
    expect(listed.map((v) => [v.number, v.kind, v.label])).toEqual([
      [3, "named", "Rev.1"],
      [2, "auto", expect.any(String)],
      [1, "named", "Zero draft"],
    ]);
    expect(listed[1].summary).toEqual({
      previousNumber: 1,
      sectionsChanged: [SECTION],
      wordsAdded: 3,
      wordsRemoved: 0,
    });
    expect(listed[0].createdBy).toMatchObject({ id: facilitator.id });
    expect(listed[1].createdBy).toBeNull();
  });

  it("compares two versions section by section: word diff, counts and citations by their source", async () => {
    const result = await compareVersions({ viewer: observer, planId, input: { from: zeroDraft, to: rev1 } });
    expect(result.from).toMatchObject({ label: "Zero draft", isLive: false });
    expect(result.totals).toEqual({ sectionsChanged: 1, wordsAdded: 3, wordsRemoved: 0 });
    const section = result.sections.find((s) => s.key === SECTION)!;
    expect(section.status).toBe("changed");
    expect(section.segments.filter((s) => s.type === "insert").map((s) => s.text.trim())).toEqual([
      "predictable",
      "by 2012",
    ]);
    expect(
      section.segments
        .filter((s) => s.type !== "insert")
        .map((s) => s.text)
        .join(""),
    ).toContain(ORIGINAL);
    // The section's list stays a list: one "• item" line per bullet, not lines of plain text.
    const after = section.segments
      .filter((s) => s.type !== "delete")
      .map((s) => s.text)
      .join("");
    expect(after).toMatch(/^• Map the predictable resources required/m);
    expect(after.split("\n").filter((line) => line.startsWith("• ")).length).toBeGreaterThan(1);
    expect(section.citationsAdded).toEqual([
      {
        linkId,
        label: expect.stringMatching(
          /^(Consensus|Gaps in the response|Arguments in favour|What the plan should do|Concerns) \d+$/,
        ),
      },
    ]);
    expect(section.citationsRemoved).toEqual([]);
    expect(
      result.sections
        .filter((s) => s.key !== SECTION)
        .every((s) => s.status === "unchanged" && s.segments.length === 0),
    ).toBe(true);
    // And back: what was added is removed.
    const back = await compareVersions({ viewer: observer, planId, input: { from: rev1, to: zeroDraft } });
    expect(back.sections.find((s) => s.key === SECTION)).toMatchObject({
      wordsAdded: 0,
      wordsRemoved: 3,
      citationsRemoved: [{ linkId }],
    });
  });

  it("compares a version with the live draft, and refuses a version of another plan (404)", async () => {
    const result = await compareVersions({ viewer: observer, planId, input: { from: rev1, to: "live" } });
    expect(result.to).toMatchObject({ label: "Live draft", isLive: true });
    expect(result.totals.sectionsChanged).toBe(0);
    await expect(
      compareVersions({ viewer: observer, planId, input: { from: "no-such-version", to: "live" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      compareVersions({ viewer: observer, planId: "no-such-plan", input: { from: zeroDraft, to: "live" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses observers and delegates, writing nothing", async () => {
    const before = await prisma.planVersion.count();
    for (const actor of [observer, delegate]) {
      await expect(create("Rev.9", actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(restoreVersion({ actor, planId, input: { versionId: zeroDraft } })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await prisma.planVersion.count()).toBe(before);
    expect(await storedText()).toBe(EDITED);
  });

  it("restores one section through Yjs: a before_restore version first, the editor sees it live, the citation's link is gone, audited", async () => {
    const result = await restoreVersion({
      actor: facilitator,
      planId,
      input: { versionId: zeroDraft, sectionKey: SECTION },
    });
    expect(result).toMatchObject({ restored: [SECTION], unchanged: [], missing: [], beforeVersion: { number: 4 } });
    await waitFor(() => liveText() === ORIGINAL, "the editor sees the restored text live", 3000);
    expect(await storedText()).toBe(ORIGINAL);
    const before = await prisma.planVersion.findUniqueOrThrow({
      where: { id: result.beforeVersion.id },
      include: { sections: { where: { key: SECTION } } },
    });
    expect(before).toMatchObject({ kind: "before_restore", createdById: facilitator.id });
    expect(before.sections[0].text).toContain(EDITED);
    // The version had no citation there, so the link the edit cited is marked removed, as when a citation is deleted.
    expect(await prisma.provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({
      status: "removed",
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "version.restore", resourceId: zeroDraft },
    });
    expect(audit).toMatchObject({
      userId: facilitator.id,
      detail: expect.objectContaining({ sectionKey: SECTION, restored: [SECTION] }),
    });
  });

  it("restores the whole plan: the citation and its link come back, and the live text follows", async () => {
    const result = await restoreVersion({ actor: facilitator, planId, input: { versionId: rev1 } });
    expect(result.restored).toEqual([SECTION]);
    expect(result.unchanged.length).toBe((await prisma.planSection.count({ where: { planId } })) - 1);
    await waitFor(() => liveText() === EDITED, "the editor sees Rev.1 live", 3000);
    // Back to the status Rev.1 recorded (suspect: the passage had changed since the link was confirmed), no longer removed.
    const recorded = (
      (await prisma.planVersion.findUniqueOrThrow({ where: { id: rev1 } })).links as { id: string; status: string }[]
    ).find((l) => l.id === linkId)!;
    expect(recorded.status).not.toBe("removed");
    expect(await prisma.provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({
      status: recorded.status,
      cited: true,
    });
    const now = await compareVersions({ viewer: observer, planId, input: { from: rev1, to: "live" } });
    expect(now.totals.sectionsChanged).toBe(0);
    // An editor keeps typing after a restore, and it merges.
    await typeText(ORIGINAL);
  });

  it("writes nothing when a restore fails half-way (one transaction)", async () => {
    const good = await prisma.planVersion.findUniqueOrThrow({
      where: { id: zeroDraft },
      include: { sections: { orderBy: { position: "asc" } } },
    });
    // A version whose last section cannot be read with the plan's schema: the first sections restore, then it throws.
    const broken = await prisma.planVersion.create({
      data: {
        planId,
        number: 99,
        label: "Broken",
        kind: "named",
        contentHash: "x",
        summary: {},
        links: [],
        amendments: [],
        sections: {
          create: good.sections.map((s, i) => ({
            key: s.key,
            title: s.title,
            position: s.position,
            text: s.text,
            content:
              i === 0
                ? { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Overwritten" }] }] }
                : i === good.sections.length - 1
                  ? { type: "doc", content: [{ type: "noSuchNode" }] }
                  : (s.content as object),
          })),
        },
      },
    });
    const versions = await prisma.planVersion.count();
    const audits = await prisma.auditLog.count();
    const first = await prisma.planSection.findFirstOrThrow({
      where: { planId },
      orderBy: { position: "asc" },
      select: { id: true, text: true },
    });
    await expect(restoreVersion({ actor: facilitator, planId, input: { versionId: broken.id } })).rejects.toThrow();
    expect(await prisma.planVersion.count()).toBe(versions);
    expect(await prisma.auditLog.count()).toBe(audits);
    expect((await prisma.planSection.findUniqueOrThrow({ where: { id: first.id } })).text).toBe(first.text);
    await expect(
      restoreVersion({ actor: facilitator, planId, input: { versionId: zeroDraft, sectionKey: "no-such-section" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.planVersion.count()).toBe(versions);
    await prisma.planVersion.delete({ where: { id: broken.id } });
  });
});

describe("automatic snapshots in the collab server", () => {
  it("takes one per interval while the plan is edited, none when nobody edits", async () => {
    const timed = await startTestCollab({ databaseUrl: process.env.DATABASE_URL, autoSnapshotMs: 400 });
    const client = connectClient({
      port: timed.port,
      planId,
      sectionId,
      token: (await createTestUser("facilitator")).token,
    });
    try {
      await client.synced;
      const autos = () => prisma.planVersion.count({ where: { planId, kind: "auto" } });
      const before = await autos();
      const yText = blockTextIn(client.doc, BLOCK);
      yText.insert(yText.length, " Edited while the timer runs.");
      await client.settled();
      await waitFor(async () => (await autos()) === before + 1, "the timer takes an automatic version", 5000);
      const latest = await prisma.planVersion.findFirstOrThrow({
        where: { planId },
        orderBy: { number: "desc" },
        include: { sections: { where: { key: SECTION } } },
      });
      expect(latest.kind).toBe("auto");
      expect(latest.sections[0].text).toContain("Edited while the timer runs.");
      // Nobody edits: several intervals pass and nothing more is taken.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await autos()).toBe(before + 1);
    } finally {
      client.close();
      await timed.stop();
    }
  });
});

describe("thinning automatic versions", () => {
  it("prunes aged automatic versions but the last of each day when it takes a new one, re-summarising what follows a pruned one", async () => {
    const timeframe = await prisma.planSection.findFirstOrThrow({
      where: { planId, key: "timeframe" },
      select: { id: true, text: true, content: true },
    });
    // As a collab server stores a section: its Tiptap JSON (which the content hash covers) and its text.
    const setText = (text: string) =>
      prisma.planSection.update({
        where: { id: timeframe.id },
        data: { text, content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] } },
      });
    const autoAt = async (iso: string, text: string) => {
      await setText(text);
      return prisma.$transaction((tx) =>
        writeVersion({ tx, planId, kind: "auto", createdById: null, now: new Date(iso) }),
      );
    };
    const day = (daysAgo: number, time: string) =>
      `${new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)}T${time}Z`;
    try {
      const named = await createVersion({
        actor: facilitator,
        planId,
        input: ZCreateVersion.parse({ label: "Kept for ever" }),
      });
      const a = await autoAt(day(3, "09:00:00"), "one");
      const b = await autoAt(day(3, "09:10:00"), "one two");
      const c = await autoAt(day(2, "09:00:00"), "one two three");
      const d = await autoAt(day(2, "09:10:00"), "one two three four five");
      const sectionsBefore = await prisma.planVersionSection.count();

      await setText("one two three four five six");
      const taken = await takeAutoSnapshot({ planId });
      expect(taken).toMatchObject({ status: "taken", pruned: [a.number, c.number] });

      const left = await prisma.planVersion.findMany({ where: { planId }, select: { number: true } });
      expect(left.map((v) => v.number)).toEqual(expect.arrayContaining([named.number, b.number, d.number]));
      expect(left.map((v) => v.number)).not.toContain(a.number);
      expect(left.map((v) => v.number)).not.toContain(c.number);
      // Their sections went with them.
      expect(await prisma.planVersionSection.count()).toBe(sectionsBefore - 2 * 12 + 12);
      // d followed c; it is now summarised against b: "three four five" added to "one two".
      const summary = (await prisma.planVersion.findFirstOrThrow({ where: { planId, number: d.number } })).summary;
      expect(summary).toMatchObject({
        previousNumber: b.number,
        sectionsChanged: ["timeframe"],
        wordsAdded: 3,
        wordsRemoved: 0,
      });
      const audit = await prisma.auditLog.findFirstOrThrow({
        where: { action: "version.prune", resourceId: planId },
        orderBy: { createdAt: "desc" },
      });
      expect(audit.detail).toEqual({ numbers: [a.number, c.number] });

      // Nothing more to thin: the next snapshot prunes nothing.
      await setText("one two three four five six seven");
      expect(await takeAutoSnapshot({ planId })).toMatchObject({ status: "taken", pruned: [] });
    } finally {
      await prisma.planSection.update({
        where: { id: timeframe.id },
        data: { text: timeframe.text, content: timeframe.content as object },
      });
    }
  });
});
