/**
 * Rounds and revisions against a real PostgreSQL: issuing Rev.N freezes the
 * text as a named version, opens the next round, carries every pending
 * amendment over (unchanged, moved to another section, changed → stale since
 * Rev.N, which cannot be accepted) and notifies everyone; revisions number
 * Rev.1, Rev.2; a round's deadlines refuse new comments, replies and
 * amendments (409, writing nothing) but not the facilitators; a facilitator
 * sets and extends them, audited; other roles are refused, writing nothing.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { listAmendments } from "@/lib/amendments/list-amendments";
import type { CurrentUser } from "@/lib/auth/current-user";
import { replyToThread } from "@/lib/comments/write-comment";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import type { Passage } from "@/lib/editor/passages";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import { issueRevision } from "@/lib/negotiation/issue-revision";
import { readCurrentRound } from "@/lib/negotiation/negotiation-state";
import { readNegotiation } from "@/lib/negotiation/read-negotiation";
import { ZIssueRevision, ZSetDeadlines } from "@/lib/negotiation/schemas";
import { setRoundDeadlines } from "@/lib/negotiation/set-round-deadlines";
import { editSectionState } from "@/lib/plan/section-document";
import { blockTextIn } from "@/test/support/collab";
import { findBlock } from "@/lib/editor/passage-anchor";
import { createAmendment, createPlan, createThread, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { countRows } from "@/test/support/row-counts";

const prisma = getPrisma();
let facilitator: CurrentUser;
let delegate: CurrentUser;
let otherDelegate: CurrentUser;
let observer: CurrentUser;

type Section = { id: string; key: string; passages: Passage[] };

async function readSections(planId: string): Promise<Section[]> {
  const sections = await prisma.planSection.findMany({
    where: { planId },
    orderBy: { position: "asc" },
    select: { id: true, key: true, content: true },
  });
  return sections.map((s) => ({
    id: s.id,
    key: s.key,
    passages: readPassages(s.content as JSONContent).filter((p) => p.type === "listItem" && p.runs[0]?.length > 20),
  }));
}

const firstWords = (passage: Passage) => passage.runs[0].split(" ").slice(0, 3).join(" ");

/** Rewrites a paragraph's words through Yjs, as a facilitator typing would. */
async function rewrite(planId: string, section: Section, blockId: string, text: string): Promise<void> {
  await prisma.$transaction((tx) =>
    editSectionState(
      tx,
      { planId, sectionId: section.id },
      {
        actorId: facilitator.id,
        edit: (doc) => {
          const yText = blockTextIn(doc, blockId);
          yText.delete(0, yText.length);
          yText.insert(0, text);
          return true;
        },
      },
    ),
  );
}

/** Cuts a list item from one section and pastes it at the end of another's list, keeping its id. */
async function moveParagraph(planId: string, from: Section, blockId: string, to: Section): Promise<void> {
  await prisma.$transaction(async (tx) => {
    let moved: Y.XmlElement | null = null;
    await editSectionState(
      tx,
      { planId, sectionId: from.id },
      {
        actorId: facilitator.id,
        edit: (doc) => {
          const block = findBlock(doc.getXmlFragment("default"), blockId)!;
          const list = block.parent as Y.XmlElement;
          moved = block.clone();
          list.delete(list.toArray().indexOf(block), 1);
          return true;
        },
      },
    );
    await editSectionState(
      tx,
      { planId, sectionId: to.id },
      {
        actorId: facilitator.id,
        edit: (doc) => {
          const list = findBlock(doc.getXmlFragment("default"), to.passages[0].blockId)!.parent as Y.XmlElement;
          list.insert(list.length, [moved!]);
          return true;
        },
      },
    );
  });
}

async function countAll() {
  return {
    ...(await countRows(prisma)),
    negotiationRound: await prisma.negotiationRound.count(),
  };
}

const issue = (planId: string, input: unknown = {}, actor = facilitator) =>
  issueRevision({ actor, planId, input: ZIssueRevision.parse(input) });

setUpSeedDialogue();
beforeAll(async () => {
  [facilitator, delegate, otherDelegate, observer] = await Promise.all([
    createUser({ role: "facilitator" }),
    createUser({ role: "delegate", delegationName: "Bahrain" }),
    createUser({ role: "delegate", delegationName: "Ecuador" }),
    createUser({ role: "observer" }),
  ]);
});

describe("issuing a revision", () => {
  let planId: string;
  let sectionA: Section;
  let sectionB: Section;
  let unchanged: { id: string; number: number };
  let moved: { id: string; number: number };
  let changed: { id: string; number: number };
  let movedBlock: string;

  beforeAll(async () => {
    ({ id: planId } = await createPlan());
    const sections = await readSections(planId);
    sectionA = sections.find((s) => s.passages.length >= 3)!;
    sectionB = sections.find((s) => s.id !== sectionA.id && s.passages.length >= 1)!;
    const [p1, p2, p3] = sectionA.passages;
    movedBlock = p2.blockId;
    const propose = (passage: Passage, newText: string) =>
      createAmendment({
        actor: delegate,
        planId,
        sectionKey: sectionA.key,
        at: { blockId: passage.blockId, exact: firstWords(passage) },
        newText,
      });
    unchanged = await propose(p1, "First words kept");
    moved = await propose(p2, "Moved words");
    changed = await propose(p3, "Changed words");
    await moveParagraph(planId, sectionA, p2.blockId, sectionB);
    await rewrite(planId, sectionA, p3.blockId, "The facilitators rewrote this paragraph entirely.");
  });

  it("starts in an implicit round 1 on the zero draft", async () => {
    expect(await readCurrentRound(prisma, planId)).toMatchObject({ id: null, number: 1, revision: 0 });
  });

  it("freezes Rev.1, opens round 2, carries the amendments over and notifies everyone, in one audited transaction", async () => {
    const deadline = new Date(Date.now() + 86_400_000);
    const issued = await issue(planId, { commentDeadline: deadline.toISOString() });
    expect(issued.version).toMatchObject({ label: "Rev.1" });
    expect(issued.round).toMatchObject({ number: 2, revision: 1, commentDeadline: deadline, amendmentDeadline: null });
    expect(issued.carriedOver).toEqual({ valid: 2, moved: 1, stale: 1 });

    const version = await prisma.planVersion.findUniqueOrThrow({
      where: { id: issued.version.id },
      include: { sections: true },
    });
    expect(version).toMatchObject({ kind: "named", label: "Rev.1", createdById: facilitator.id });
    const rewritten = version.sections.find((s) => s.key === sectionA.key)!;
    expect(rewritten.text).toContain("The facilitators rewrote this paragraph entirely.");
    const round = await prisma.negotiationRound.findFirstOrThrow({ where: { planId, number: 2 } });
    expect(round).toMatchObject({ revision: 1, revisionId: version.id, openedById: facilitator.id });

    // Unchanged: valid where it was. Moved to another section: valid there. Changed: stale since Rev.1.
    const rows = await prisma.amendment.findMany({ where: { planId }, orderBy: { number: "asc" } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(unchanged.id)).toMatchObject({ sectionId: sectionA.id, staleSinceRevision: null });
    expect(byId.get(moved.id)).toMatchObject({ sectionId: sectionB.id, blockId: movedBlock, staleSinceRevision: null });
    expect(byId.get(changed.id)).toMatchObject({ sectionId: sectionA.id, staleSinceRevision: 1 });

    const listed = await listAmendments({ viewer: delegate, planId });
    expect(listed.find((a) => a.id === unchanged.id)).toMatchObject({ state: "pending", staleSinceRevision: null });
    expect(listed.find((a) => a.id === moved.id)).toMatchObject({ state: "pending", section: { key: sectionB.key } });
    expect(listed.find((a) => a.id === changed.id)).toMatchObject({ state: "stale", staleSinceRevision: 1 });

    // Everyone enabled but the issuer hears of it.
    const notified = await prisma.notification.findMany({
      where: { planId, kind: "revision_issued" },
      select: { userId: true, title: true, href: true, resourceId: true },
    });
    const userIds = notified.map((n) => n.userId);
    for (const user of [delegate, otherDelegate, observer]) expect(userIds).toContain(user.id);
    expect(userIds).not.toContain(facilitator.id);
    expect(issued.notified).toBe(notified.length);
    expect(notified[0]).toMatchObject({ href: `/plans/${planId}/negotiation`, resourceId: version.id });
    expect(notified[0].title).toContain("Rev.1");

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "negotiation.issue_revision", resourceId: version.id },
    });
    expect(audit.detail).toMatchObject({ planId, label: "Rev.1", round: 2, carriedOver: { stale: 1, moved: 1 } });
  });

  it("refuses to accept the stale amendment (409), writing nothing; the valid moved one is accepted in its new place", async () => {
    const before = await countAll();
    await expect(
      decideAmendment({
        actor: facilitator,
        target: { planId, amendmentId: changed.id },
        input: { decision: "accept" },
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("stale since Rev.1") });
    expect(await countAll()).toEqual(before);
    await decideAmendment({
      actor: facilitator,
      target: { planId, amendmentId: moved.id },
      input: { decision: "accept" },
    });
    const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionB.id }, select: { text: true } });
    expect(section.text).toContain("Moved words");
  });

  it("exports the revision in DOCX and PDF by its label, with its symbol", async () => {
    const docx = await exportPlanFile({ planId, format: "docx", versionLabel: "Rev.1", viewer: observer });
    expect(docx.filename).toMatch(/-rev-1\.docx$/);
    expect(docx.body.subarray(0, 2).toString()).toBe("PK");
    const pdf = await exportPlanFile({ planId, format: "pdf", versionLabel: "Rev.1", viewer: observer });
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    // A resolution prints its symbol first: a revision's carries "/Rev.N", as the UN marks revised drafts.
    await prisma.plan.update({ where: { id: planId }, data: { templateKey: "ga-resolution" } });
    const md = await exportPlanFile({ planId, format: "md", versionLabel: "Rev.1", viewer: observer });
    expect(md.body.toString().split("\n")[0]).toBe("A/…/L.…/Rev.1");
    const live = await exportPlanFile({ planId, format: "md", viewer: observer });
    expect(live.body.toString().split("\n")[0]).toBe("A/…/L.…");
  });

  it("numbers the next revision Rev.2, in round 3; an amendment already stale stays stale since Rev.1", async () => {
    const issued = await issue(planId);
    expect(issued.version.label).toBe("Rev.2");
    expect(issued.round).toMatchObject({ number: 3, revision: 2, commentDeadline: null });
    const stale = await prisma.amendment.findUniqueOrThrow({ where: { id: changed.id } });
    expect(stale.staleSinceRevision).toBe(1);
    const view = (await readNegotiation({ viewer: observer, planId }))!;
    expect(view.round).toMatchObject({ number: 3, revisionLabel: "Rev.2" });
    expect(view.nextRevisionLabel).toBe("Rev.3");
    expect(view.revisions.map((r) => r.label)).toEqual(["Rev.2", "Rev.1"]);
    expect(view.abilities.canManage).toBe(false);
  });

  it("refuses delegates and observers (403), writing nothing", async () => {
    const before = await countAll();
    for (const actor of [delegate, observer]) {
      await expect(issue(planId, {}, actor)).rejects.toMatchObject({ status: 403 });
      await expect(
        setRoundDeadlines({ actor, planId, input: ZSetDeadlines.parse({ commentDeadline: null }) }),
      ).rejects.toMatchObject({ status: 403 });
    }
    expect(await countAll()).toEqual(before);
  });

  it("refuses a deadline already past (400 naming the field), writing nothing", async () => {
    const before = await countAll();
    await expect(issue(planId, { amendmentDeadline: new Date(Date.now() - 1000).toISOString() })).rejects.toMatchObject(
      { status: 400, details: { field: "amendmentDeadline" } },
    );
    expect(await countAll()).toEqual(before);
  });
});

describe("round deadlines", () => {
  let planId: string;
  let threadId: string;

  beforeAll(async () => {
    ({ id: planId } = await createPlan());
    threadId = (await createThread({ actor: delegate, planId })).id;
  });

  it("setting one on the implicit round 1 creates its row, audited from nothing to the date", async () => {
    const soon = new Date(Date.now() + 1500);
    const round = await setRoundDeadlines({
      actor: facilitator,
      planId,
      input: ZSetDeadlines.parse({ commentDeadline: soon.toISOString(), amendmentDeadline: soon.toISOString() }),
    });
    expect(round).toMatchObject({ number: 1, revision: 0, commentDeadline: soon, amendmentDeadline: soon });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "negotiation.set_deadlines", resourceId: round.id },
    });
    expect(audit.detail).toMatchObject({ commentDeadline: { from: null, to: soon.toISOString() } });
  });

  it("after the deadline, refuses new threads, replies and amendments (409 naming the deadline), writing nothing", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const before = await countAll();
    const refusal = {
      status: 409,
      message: expect.stringMatching(/^The deadline for this round was \d+ \w+ \d{4}, \d\d:\d\d UTC/),
    };
    await expect(createThread({ actor: delegate, planId })).rejects.toMatchObject(refusal);
    await expect(
      replyToThread({ actor: otherDelegate, target: { planId, threadId }, input: { body: "Too late." } }),
    ).rejects.toMatchObject(refusal);
    await expect(createAmendment({ actor: delegate, planId })).rejects.toMatchObject({
      ...refusal,
      message: expect.stringContaining("new amendments are no longer taken"),
    });
    expect(await countAll()).toEqual(before);
  });

  it("does not bind the facilitators, who keep working on the text after the delegations' inputs close", async () => {
    const thread = await createThread({ actor: facilitator, planId, body: "Facilitators' note after the deadline." });
    expect(thread.id).toBeTruthy();
  });

  it("a facilitator extends it (audited old → new), and comments are taken again", async () => {
    const round = await readCurrentRound(prisma, planId);
    const later = new Date(Date.now() + 3_600_000);
    await setRoundDeadlines({
      actor: facilitator,
      planId,
      input: ZSetDeadlines.parse({ commentDeadline: later.toISOString() }),
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "negotiation.set_deadlines", resourceId: round.id! },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.detail).toMatchObject({
      commentDeadline: { from: round.commentDeadline!.toISOString(), to: later.toISOString() },
      amendmentDeadline: { from: round.amendmentDeadline!.toISOString(), to: round.amendmentDeadline!.toISOString() },
    });
    expect((await createThread({ actor: delegate, planId, body: "In time again." })).id).toBeTruthy();
    // The amendment deadline was left as it was: still past.
    await expect(createAmendment({ actor: delegate, planId })).rejects.toMatchObject({ status: 409 });
  });

  it("refuses a body that sets nothing (400 naming the field)", () => {
    const parsed = ZSetDeadlines.safeParse({});
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["commentDeadline"]);
  });
});
