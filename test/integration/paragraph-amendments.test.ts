/**
 * Amendments on whole paragraphs against a real PostgreSQL and a real
 * collaboration server: a delegation proposes a new paragraph ("5 bis"), a
 * deletion or a move; a facilitator accepts it through Yjs, and two connected
 * editors see the paragraph (and the numbering after it) change live while the
 * stored JSON changes with it. A moved paragraph keeps its blockId and its
 * links. An amendment whose paragraph changed or went is stale: accepting it
 * is refused (409) and writes nothing.
 */
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CollabServer } from "@/lib/collab/server";
import { getPrisma } from "@/lib/db";
import { deleteParagraph } from "@/lib/editor/paragraph-operations";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import { toPlainText } from "@/lib/editor/plan-document";
import { contentFromYdoc } from "@/lib/editor/ydoc";
import { readPlanNumbering } from "@/lib/plan/read-plan-numbering";
import { blockTextIn, connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { kindedDocument } from "@/test/support/kinded-paragraphs";
import type { ParagraphSpec } from "@/test/support/kinded-paragraphs";
import { countRows } from "@/test/support/row-counts";

const prisma = getPrisma();
const SECTION_KEY = "resources";
const PARAGRAPHS: ParagraphSpec[] = Array.from({ length: 12 }, (_, i) => [
  `p${i + 1}`,
  "operative",
  `Decides point ${i + 1} of the plan`,
]);
let planId: string;
let sectionId: string;
let server: CollabServer;
let editor: TestClient;
let secondEditor: TestClient;
let bahrain: CurrentUser;
let facilitator: CurrentUser;
let observer: CurrentUser;

function propose(actor: CurrentUser, input: Record<string, unknown>) {
  return proposeAmendment({
    actor,
    planId,
    input: ZProposeAmendment.parse({ sectionKey: SECTION_KEY, rationale: "The text needs it.", ...input }),
  });
}

function accept(amendmentId: string) {
  return decideAmendment({ actor: facilitator, target: { planId, amendmentId }, input: { decision: "accept" } });
}

async function storedContent(): Promise<JSONContent> {
  const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true } });
  return section.content as JSONContent;
}

function idsOf(content: JSONContent): string[] {
  return readPassages(content).map((p) => p.blockId);
}

/** The references a connected editor's own document gives its paragraphs ("OP 7"). */
function liveReferences(client: TestClient): Map<string, string> {
  const numbers = numberParagraphs([{ part: "main", passages: readPassages(contentFromYdoc(client.doc)) }]);
  return new Map([...numbers].map(([id, n]) => [id, n.reference]));
}

async function listed(id: string) {
  return (await listAmendments({ viewer: facilitator, planId })).find((a) => a.id === id)!;
}

/** Saves what the first editor typed, and waits until PostgreSQL has it. */
async function storeEdits(check: (content: JSONContent) => boolean): Promise<void> {
  await editor.settled();
  await server.flush();
  await waitFor(async () => check(await storedContent()), "the edit is stored");
}

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  // The section holds a resolution's operative paragraphs, seeded before any collab server loads it.
  const content = kindedDocument(PARAGRAPHS);
  const section = await prisma.planSection.update({
    where: { planId_key: { planId, key: SECTION_KEY } },
    data: { content, text: toPlainText(content), ydoc: null },
    select: { id: true },
  });
  sectionId = section.id;
  [bahrain, facilitator, observer] = await Promise.all([
    createUser({ role: "delegate", delegationName: "Bahrain" }),
    createUser({ role: "facilitator" }),
    createUser({ role: "observer" }),
  ]);
  server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
  const editorUser = await createTestUser("facilitator");
  editor = connectClient({ port: server.port, planId, sectionId, token: editorUser.token });
  secondEditor = connectClient({ port: server.port, planId, sectionId, token: editorUser.token });
  await Promise.all([editor.synced, secondEditor.synced]);
});
afterAll(async () => {
  editor?.close();
  secondEditor?.close();
  await server?.stop();
});

describe("proposing on a whole paragraph", () => {
  it('records a new paragraph "bis" with the anchor\'s kind and text, named from the numbering', async () => {
    const { id } = await propose(bahrain, { kind: "insert_paragraph", blockId: "p5", newText: "Decides five bis" });
    const row = await prisma.amendment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      kind: "insert_paragraph",
      blockId: "p5",
      quoteExact: "Decides point 5 of the plan",
      newText: "Decides five bis",
      paragraphKind: "operative",
      paragraphLevel: 1,
      targetBlockId: null,
    });
    const numbers = await readPlanNumbering(prisma, planId);
    const amendment = await listed(id);
    expect(amendment).toMatchObject({
      state: "pending",
      paragraph: numbers.get("p5")!.reference,
      diff: [{ type: "insert", text: "Decides five bis" }],
    });
    expect(amendment.paragraphChange?.label).toBe(`New paragraph ${numbers.get("p5")!.reference} bis`);
    expect(await prisma.auditLog.count({ where: { action: "amendment.propose", resourceId: id } })).toBe(1);
  });

  it("records a deletion and a move with the paragraph's text, and names them", async () => {
    const deletion = await propose(bahrain, { kind: "delete_paragraph", blockId: "p2" });
    const move = await propose(bahrain, { kind: "move_paragraph", blockId: "p3", targetBlockId: "p8" });
    const numbers = await readPlanNumbering(prisma, planId);
    const ref = (id: string) => numbers.get(id)!.reference;
    expect(await listed(deletion.id)).toMatchObject({
      diff: [{ type: "delete", text: "Decides point 2 of the plan" }],
      paragraphChange: { label: `Delete ${ref("p2")}` },
    });
    expect(await listed(move.id)).toMatchObject({
      paragraphChange: { label: `Move paragraph from ${ref("p3")} to after ${ref("p8")}`, targetBlockId: "p8" },
    });
  });

  it("names the field a bad body lacks or gets wrong (400)", () => {
    const base = { sectionKey: SECTION_KEY, blockId: "p1", rationale: "Why." };
    const pathOf = (body: Record<string, unknown>) => ZProposeAmendment.safeParse(body).error?.issues[0].path;
    expect(pathOf({ ...base, kind: "insert_paragraph" })).toEqual(["newText"]);
    expect(pathOf({ ...base, kind: "insert_paragraph", newText: "x", paragraphKind: "heading" })).toEqual([
      "paragraphKind",
    ]);
    expect(pathOf({ ...base, kind: "insert_paragraph", newText: "x", paragraphLevel: 3 })).toEqual(["paragraphLevel"]);
    expect(pathOf({ ...base, kind: "move_paragraph" })).toEqual(["targetBlockId"]);
    expect(pathOf({ ...base, kind: "delete_paragraph", blockId: "<p>" })).toEqual(["blockId"]);
  });

  it("refuses observers, facilitators, a paragraph not in the section and a move onto itself, writing nothing", async () => {
    const before = await countRows(prisma);
    for (const actor of [observer, facilitator])
      await expect(propose(actor, { kind: "delete_paragraph", blockId: "p1" })).rejects.toMatchObject({
        code: "forbidden",
      });
    await expect(propose(bahrain, { kind: "delete_paragraph", blockId: "nowhere" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      propose(bahrain, { kind: "move_paragraph", blockId: "p1", targetBlockId: "p1" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      propose(bahrain, { kind: "move_paragraph", blockId: "p1", targetBlockId: "nowhere" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows(prisma)).toEqual(before);
  });
});

describe("accepting through Yjs", () => {
  it('inserts "5 bis" after paragraph 5 with a fresh blockId; both editors see the old 6 become 7', async () => {
    const six = liveReferences(secondEditor).get("p6")!;
    const { id } = await propose(bahrain, { kind: "insert_paragraph", blockId: "p5", newText: "Decides five bis" });
    const { linkId } = await accept(id);
    const content = await storedContent();
    const ids = idsOf(content);
    const newId = ids[ids.indexOf("p5") + 1];
    expect(newId).toMatch(/^b[0-9a-z]{12}$/);
    expect((content.content ?? []).find((node) => node.attrs?.blockId === newId)).toEqual({
      type: "paragraph",
      attrs: { blockId: newId, kind: "operative", level: 1 },
      content: [{ type: "text", text: "Decides five bis" }],
    });
    expect(await prisma.provenanceLink.findUniqueOrThrow({ where: { id: linkId! } })).toMatchObject({
      blockId: newId,
      amendmentId: id,
      status: "confirmed",
    });
    const shifted = six.replace(/\d+$/, (n) => String(Number(n) + 1));
    for (const client of [editor, secondEditor])
      await waitFor(() => liveReferences(client).get("p6") === shifted, `an editor sees ${six} become ${shifted}`);
    expect(liveReferences(editor).get(newId)).toBe(six);
  });

  it("deletes a paragraph, linking nothing", async () => {
    const { id } = await propose(bahrain, { kind: "delete_paragraph", blockId: "p10" });
    expect((await accept(id)).linkId).toBeNull();
    expect(idsOf(await storedContent())).not.toContain("p10");
    await waitFor(() => !idsOf(contentFromYdoc(secondEditor.doc)).includes("p10"), "the editor sees it gone");
    expect(await listed(id)).toMatchObject({ state: "accepted" });
  });

  it("moves a paragraph keeping its blockId, text and links", async () => {
    const link = await prisma.provenanceLink.create({
      data: {
        planId,
        sectionId,
        blockId: "p1",
        quoteExact: "point 1",
        targetType: "amendment",
        targetKey: "manual:p1",
        relation: "supports",
        status: "confirmed",
      },
    });
    const { id } = await propose(bahrain, { kind: "move_paragraph", blockId: "p1", targetBlockId: "p7" });
    await accept(id);
    const ids = idsOf(await storedContent());
    expect(ids.indexOf("p1")).toBe(ids.indexOf("p7") + 1);
    expect(ids.filter((blockId) => blockId === "p1")).toHaveLength(1);
    expect(readPassages(await storedContent()).find((p) => p.blockId === "p1")?.text).toBe(
      "Decides point 1 of the plan",
    );
    expect(await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      blockId: "p1",
      status: "confirmed",
    });
    await waitFor(() => {
      const live = idsOf(contentFromYdoc(secondEditor.doc));
      return live.indexOf("p1") === live.indexOf("p7") + 1;
    }, "the editor sees the paragraph moved");
  });
});

describe("stale paragraph amendments", () => {
  it("goes stale when the paragraph to delete changes, and accepting it is refused (409), writing nothing", async () => {
    const { id } = await propose(bahrain, { kind: "delete_paragraph", blockId: "p11" });
    blockTextIn(editor.doc, "p11").insert(0, "Also ");
    await storeEdits((content) => readPassages(content).some((p) => p.text === "Also Decides point 11 of the plan"));
    expect(await listed(id)).toMatchObject({ state: "stale", currentText: "Also Decides point 11 of the plan" });
    const before = await countRows(prisma);
    const stored = await storedContent();
    await expect(accept(id)).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows(prisma)).toEqual(before);
    expect(await storedContent()).toEqual(stored);
    expect(await prisma.amendment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending" });
  });

  it("goes stale when the anchor of a new paragraph or a move's target is deleted", async () => {
    const insertion = await propose(bahrain, { kind: "insert_paragraph", blockId: "p12", newText: "After twelve" });
    const move = await propose(bahrain, { kind: "move_paragraph", blockId: "p4", targetBlockId: "p9" });
    deleteParagraph(editor.doc, "p12");
    deleteParagraph(editor.doc, "p9");
    await storeEdits((content) => !idsOf(content).includes("p12") && !idsOf(content).includes("p9"));
    expect(await listed(insertion.id)).toMatchObject({ state: "stale" });
    expect(await listed(move.id)).toMatchObject({ state: "stale" });
    const before = await countRows(prisma);
    await expect(accept(insertion.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(accept(move.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows(prisma)).toEqual(before);
  });
});
