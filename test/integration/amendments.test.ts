/**
 * Amendments against a real PostgreSQL and a real collaboration server: a
 * delegation proposes, another co-sponsors, a facilitator accepts — the
 * live document changes for a connected editor, the stored text changes, and
 * the passage gains the provenance link "amendment N by <delegation>" — or
 * rejects with a reason. Stale amendments cannot be accepted; failures write
 * nothing.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZDecideAmendment, ZProposeAmendment } from "@/lib/amendments/schemas";
import { setSponsorship, withdrawAmendment } from "@/lib/amendments/sponsor-amendment";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CollabServer } from "@/lib/collab/server";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { resetPlan } from "@/lib/plan/reset-plan";
import { blockTextIn, connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
const BLOCK = "resources.should-8";
const ORIGINAL = "Map the resources required and how they may be mobilized.";
let planId: string;
let sectionId: string;
let server: CollabServer;
let editor: TestClient;
let bahrain: CurrentUser;
let ecuador: CurrentUser;
let facilitator: CurrentUser;
let observer: CurrentUser;

/** The Y.XmlText of the amended list item in a client's live document. */
function blockText(doc: Y.Doc): Y.XmlText {
  return blockTextIn(doc, BLOCK);
}

function liveText(doc: Y.Doc): string {
  return blockText(doc).toString();
}

async function storedText(): Promise<string> {
  const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true } });
  return readPassages(section.content as JSONContent).find((b) => b.blockId === BLOCK)!.text;
}

function propose(actor: CurrentUser, input: Record<string, unknown>) {
  return proposeAmendment({
    actor,
    planId,
    input: ZProposeAmendment.parse({
      sectionKey: "resources",
      blockId: BLOCK,
      rationale: "Resources must be predictable.",
      ...input,
    }),
  });
}

function decide(amendmentId: string, input: Record<string, unknown>, actor = facilitator) {
  return decideAmendment({ actor, target: { planId, amendmentId }, input: ZDecideAmendment.parse(input) });
}

async function restoreOriginalText(): Promise<void> {
  const text = liveText(editor.doc);
  if (text === ORIGINAL) return;
  const yText = blockText(editor.doc);
  editor.doc.transact(() => {
    yText.delete(0, yText.length);
    yText.insert(0, ORIGINAL);
  });
  await editor.settled();
  await server.flush();
  await waitFor(async () => (await storedText()) === ORIGINAL, "the original text is stored again");
}

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  sectionId = (await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } })).id;
  [bahrain, ecuador, facilitator, observer] = await Promise.all([
    createUser({ role: "delegate", delegationName: "Bahrain" }),
    createUser({ role: "delegate", delegationName: "Ecuador" }),
    createUser({ role: "facilitator" }),
    createUser({ role: "observer" }),
  ]);
  server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
  const editorUser = await createTestUser("facilitator");
  editor = connectClient({ port: server.port, planId, sectionId, token: editorUser.token });
  await editor.synced;
});
afterAll(async () => {
  editor?.close();
  await server?.stop();
});
beforeEach(async () => {
  await restoreOriginalText();
});

describe("proposing", () => {
  it("numbers the amendment, attributes it to the delegation and lists it pending with its word diff", async () => {
    const { id, number } = await propose(bahrain, {
      kind: "replace",
      quote: { exact: "Map the resources required", suffix: " and how" },
      newText: "Map and secure the predictable resources required",
    });
    const listed = (await listAmendments({ viewer: facilitator, planId })).find((a) => a.id === id)!;
    expect(listed).toMatchObject({
      number,
      state: "pending",
      kind: "replace",
      delegation: { name: "Bahrain" },
      sponsors: [],
    });
    expect(listed.diff.filter((s) => s.type === "insert").map((s) => s.text.trim())).toEqual([
      "and secure",
      "predictable",
    ]);
    expect(listed.diff.at(-1)).toEqual({ type: "equal", text: " and how…" });
    const audit = await prisma.auditLog.findFirst({ where: { action: "amendment.propose", resourceId: id } });
    expect(audit?.userId).toBe(bahrain.id);
  });

  it("refuses text that is not in the passage, and writes nothing", async () => {
    const before = await prisma.amendment.count();
    await expect(propose(bahrain, { kind: "delete", quote: { exact: "words nobody wrote" } })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await prisma.amendment.count()).toBe(before);
  });

  it("refuses observers and facilitators (they edit the text themselves)", async () => {
    await expect(propose(observer, { kind: "delete", quote: { exact: "Map" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(propose(facilitator, { kind: "delete", quote: { exact: "Map" } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("needs new text to replace or insert, and a rationale", () => {
    expect(
      ZProposeAmendment.safeParse({
        sectionKey: "resources",
        blockId: BLOCK,
        kind: "replace",
        quote: { exact: "Map" },
        rationale: "Why.",
      }).error?.issues[0].path,
    ).toEqual(["newText"]);
    expect(
      ZProposeAmendment.safeParse({
        sectionKey: "resources",
        blockId: BLOCK,
        kind: "delete",
        quote: { exact: "Map" },
        rationale: " ",
      }).error?.issues[0].path,
    ).toEqual(["rationale"]);
  });
});

describe("co-sponsoring and withdrawing", () => {
  it("lets another delegation co-sponsor and withdraw its support, but not the proposer's own", async () => {
    const { id } = await propose(bahrain, { kind: "delete", quote: { exact: " and how they may be mobilized" } });
    await setSponsorship({ actor: ecuador, target: { planId, amendmentId: id }, isSponsoring: true });
    expect(
      (await listAmendments({ viewer: facilitator, planId })).find((a) => a.id === id)!.sponsors.map((s) => s.name),
    ).toEqual(["Ecuador"]);
    await expect(
      setSponsorship({ actor: bahrain, target: { planId, amendmentId: id }, isSponsoring: true }),
    ).rejects.toMatchObject({ code: "conflict" });
    await setSponsorship({ actor: ecuador, target: { planId, amendmentId: id }, isSponsoring: false });
    expect((await listAmendments({ viewer: facilitator, planId })).find((a) => a.id === id)!.sponsors).toEqual([]);
    await expect(
      setSponsorship({ actor: facilitator, target: { planId, amendmentId: id }, isSponsoring: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists each amendment with what the viewer may do to it, as the lib functions would allow it", async () => {
    const { id } = await propose(bahrain, { kind: "delete", quote: { exact: "Map" } });
    const abilitiesFor = async (viewer: CurrentUser) =>
      (await listAmendments({ viewer, planId })).find((a) => a.id === id)!.abilities;
    expect(await abilitiesFor(bahrain)).toEqual({ sponsor: false, withdraw: true, decide: false });
    expect(await abilitiesFor(ecuador)).toEqual({ sponsor: true, withdraw: false, decide: false });
    expect(await abilitiesFor(facilitator)).toEqual({ sponsor: false, withdraw: false, decide: true });
    expect(await abilitiesFor(observer)).toEqual({ sponsor: false, withdraw: false, decide: false });
  });

  it("lets only the author withdraw, and only while pending", async () => {
    const { id } = await propose(bahrain, { kind: "delete", quote: { exact: "Map" } });
    await expect(withdrawAmendment({ actor: ecuador, target: { planId, amendmentId: id } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await withdrawAmendment({ actor: bahrain, target: { planId, amendmentId: id } });
    expect(
      (await listAmendments({ viewer: facilitator, planId, filter: { state: "withdrawn" } })).map((a) => a.id),
    ).toContain(id);
    await expect(decide(id, { decision: "accept" })).rejects.toMatchObject({ code: "conflict" });
    await expect(
      setSponsorship({ actor: ecuador, target: { planId, amendmentId: id }, isSponsoring: true }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("accepting", () => {
  it("changes the live document and the stored text, links the passage to the amendment, and notifies both delegations", async () => {
    const { id, number } = await propose(bahrain, {
      kind: "replace",
      quote: { exact: "Map the resources required" },
      newText: "Map and secure the resources required",
    });
    await setSponsorship({ actor: ecuador, target: { planId, amendmentId: id }, isSponsoring: true });
    const result = await decide(id, { decision: "accept" });
    const expected = "Map and secure the resources required and how they may be mobilized.";
    await waitFor(() => liveText(editor.doc) === expected, "the editor sees the accepted text live", 2000);
    expect(await storedText()).toBe(expected);
    const link = await prisma.provenanceLink.findUniqueOrThrow({ where: { id: result.linkId! } });
    expect(link).toMatchObject({
      targetType: "amendment",
      amendmentId: id,
      blockId: BLOCK,
      relation: "derived_from",
      status: "confirmed",
      confirmedById: facilitator.id,
      createdById: bahrain.id,
    });
    expect((await listAmendments({ viewer: facilitator, planId })).find((a) => a.id === id)).toMatchObject({
      state: "accepted",
      decidedBy: { id: facilitator.id },
    });
    const notified = await prisma.notification.findMany({
      where: { resourceId: id },
      select: { userId: true, title: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([bahrain.id, ecuador.id].sort());
    expect(notified[0].title).toBe(`Amendment ${number} by Bahrain was accepted`);
    expect(await prisma.auditLog.count({ where: { action: "amendment.accept", resourceId: id } })).toBe(1);
  });

  it("merges with what an editor typed meanwhile, before it was saved", async () => {
    const { id } = await propose(bahrain, {
      kind: "insert_after",
      quote: { exact: "mobilized" },
      newText: "through predictable funding",
    });
    const yText = blockText(editor.doc);
    yText.insert(0, "First, ");
    await decide(id, { decision: "accept" });
    const expected = "First, Map the resources required and how they may be mobilized through predictable funding.";
    await waitFor(() => liveText(editor.doc) === expected, "the live text has both changes", 3000);
    await editor.settled();
    await server.flush();
    await waitFor(async () => (await storedText()) === expected, "PostgreSQL has both changes");
  });

  it("deletes the target text with one of its spaces", async () => {
    const { id } = await propose(bahrain, { kind: "delete", quote: { exact: "and how they may be mobilized" } });
    await decide(id, { decision: "accept" });
    expect(await storedText()).toBe("Map the resources required.");
    await waitFor(() => liveText(editor.doc) === "Map the resources required.", "the editor sees the deletion");
  });

  it("flags a pending amendment stale once its target text changes, shows the current text, and refuses to accept it", async () => {
    const { id } = await propose(bahrain, {
      kind: "replace",
      quote: { exact: "how they may be mobilized" },
      newText: "how to mobilize them",
    });
    const yText = blockText(editor.doc);
    const at = yText.toString().indexOf("may");
    yText.delete(at, 3);
    yText.insert(at, "might");
    await editor.settled();
    await server.flush();
    await waitFor(async () => (await storedText()).includes("might"), "the edit is stored");
    const listed = (await listAmendments({ viewer: facilitator, planId, filter: { state: "stale" } })).find(
      (a) => a.id === id,
    )!;
    expect(listed.currentText).toBe("Map the resources required and how they might be mobilized.");
    const links = await prisma.provenanceLink.count({ where: { amendmentId: id } });
    await expect(decide(id, { decision: "accept" })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.amendment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      decidedAt: null,
    });
    expect(await prisma.provenanceLink.count({ where: { amendmentId: id } })).toBe(links);
    expect(await storedText()).toBe("Map the resources required and how they might be mobilized.");
  });
});

describe("rejecting and roles", () => {
  it("needs a reason to reject, records it, and notifies the proposer", async () => {
    const { id } = await propose(bahrain, { kind: "delete", quote: { exact: "Map" } });
    expect(ZDecideAmendment.safeParse({ decision: "reject" }).error?.issues[0].path).toEqual(["reason"]);
    await decide(id, { decision: "reject", reason: "The verb is needed." });
    expect(await prisma.amendment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "rejected",
      decisionReason: "The verb is needed.",
      decidedById: facilitator.id,
    });
    expect(
      await prisma.notification.count({ where: { resourceId: id, userId: bahrain.id, kind: "amendment_decision" } }),
    ).toBe(1);
    expect(await storedText()).toBe(ORIGINAL);
  });

  it("refuses a decision from a delegate or an observer, and writes nothing", async () => {
    const { id } = await propose(bahrain, { kind: "delete", quote: { exact: "Map" } });
    for (const actor of [bahrain, ecuador, observer]) {
      await expect(decide(id, { decision: "accept" }, actor)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await prisma.amendment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending" });
  });
});

describe("plan reset", () => {
  it("keeps every amendment, moved to the new section of the same key", async () => {
    const admin = await createUser({ role: "admin" });
    const before = await prisma.amendment.count({ where: { planId } });
    await resetPlan({ actor: admin, planId });
    const newSection = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    expect(await prisma.amendment.count({ where: { planId, sectionId: newSection.id } })).toBe(before);
    sectionId = newSection.id;
  });
});
