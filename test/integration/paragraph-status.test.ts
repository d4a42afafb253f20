/**
 * Paragraph status and brackets against a real PostgreSQL and the real
 * collaboration server: only facilitators (and admins) set a status, and a
 * refusal writes nothing; a paragraph with an open bracket cannot be agreed
 * (409 naming the bracket), though it can be agreed ad ref; an edit through
 * the collaboration server drops a changed paragraph back to pending, audited
 * with who changed what; and every export carries the status.
 */
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CollabServer } from "@/lib/collab/server";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import { setParagraphStatus, ZSetParagraphStatus } from "@/lib/plan/set-paragraph-status";
import { blockTextIn, connectClient, startTestCollab, waitFor } from "@/test/support/collab";
import { signCollabToken } from "@/lib/collab/token";
import { TEST_AUTH_SECRET } from "@/test/support/accounts";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { countRows } from "@/test/support/row-counts";

setUpSeedDialogue();
const prisma = getPrisma();
let facilitator: CurrentUser;
let admin: CurrentUser;
let delegate: CurrentUser;
let observer: CurrentUser;
let server: CollabServer;

beforeAll(async () => {
  facilitator = await createUser({ role: "facilitator", name: "Fatima Facilitator" });
  admin = await createUser({ role: "admin" });
  delegate = await createUser({ role: "delegate", delegationName: "Bahrain" });
  observer = await createUser({ role: "observer" });
  server = await startTestCollab();
});
afterAll(async () => {
  await server.stop();
});

/** A plan's first section with text, and its first passage. */
async function firstPassage(planId: string) {
  const sections = await prisma.planSection.findMany({ where: { planId }, orderBy: { position: "asc" } });
  for (const section of sections) {
    const passage = readPassages(section.content as JSONContent).find((p) => p.type === "paragraph" && p.text);
    if (passage) return { section, passage };
  }
  throw new Error("the plan has no paragraph with text");
}

/** Brackets `words` of the paragraph in the stored document (ydoc still null: the content is what loads). */
async function bracketWords(sectionId: string, blockId: string, words: string) {
  const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId } });
  const content = structuredClone(section.content) as JSONContent;
  const visit = (node: JSONContent): void => {
    if (node.attrs?.blockId === blockId) {
      node.content = (node.content ?? []).flatMap((child) => {
        const at = child.type === "text" ? (child.text ?? "").indexOf(words) : -1;
        if (at < 0) return [child];
        const text = child.text!;
        const bracket = {
          type: "bracket",
          attrs: { bracketId: "br-test", delegations: [{ id: "d-eg", name: "Egypt" }] },
        };
        return [
          ...(at > 0 ? [{ ...child, text: text.slice(0, at) }] : []),
          { ...child, text: words, marks: [...(child.marks ?? []), bracket] },
          ...(at + words.length < text.length ? [{ ...child, text: text.slice(at + words.length) }] : []),
        ];
      });
      return;
    }
    node.content?.forEach(visit);
  };
  visit(content);
  await prisma.planSection.update({ where: { id: sectionId }, data: { content: content as object, ydoc: null } });
}

describe("setting a paragraph's status", () => {
  it("is refused to delegates and observers, and to a paragraph that is not there, writing nothing", async () => {
    const { id: planId } = await createPlan();
    const { section, passage } = await firstPassage(planId);
    const before = await countRows(prisma);
    for (const actor of [delegate, observer])
      await expect(
        setParagraphStatus({
          actor,
          planId,
          sectionId: section.id,
          blockId: passage.blockId,
          input: { status: "agreed" },
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setParagraphStatus({
        actor: facilitator,
        planId,
        sectionId: section.id,
        blockId: "no-such-block",
        input: { status: "agreed" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setParagraphStatus({
        actor: facilitator,
        planId: "another-plan",
        sectionId: section.id,
        blockId: passage.blockId,
        input: { status: "agreed" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await countRows(prisma)).toEqual(before);
    // The body names its one field when it is wrong (the route answers 400 with it).
    const invalid = ZSetParagraphStatus.safeParse({ status: "agreed in principle" });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues[0].path).toEqual(["status"]);
  });

  it("is set by a facilitator or an admin, audited, and back to pending by deleting the row", async () => {
    const { id: planId } = await createPlan();
    const { section, passage } = await firstPassage(planId);
    const target = { planId, sectionId: section.id, blockId: passage.blockId };
    await setParagraphStatus({ actor: facilitator, ...target, input: { status: "agreed ad ref" } });
    expect(await prisma.paragraphStatus.findMany({ where: { sectionId: section.id } })).toEqual([
      expect.objectContaining({ blockId: passage.blockId, status: "agreed_ad_ref", setById: facilitator.id }),
    ]);
    await setParagraphStatus({ actor: admin, ...target, input: { status: "agreed" } });
    const audit = await prisma.auditLog.findMany({
      // Every plan is seeded alike, so its blocks' ids are another plan's too: the plan narrows the rows.
      where: {
        action: "paragraph.status_set",
        resourceId: passage.blockId,
        detail: { path: ["planId"], equals: planId },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(audit.map((row) => [row.userId, row.detail])).toEqual([
      [facilitator.id, expect.objectContaining({ from: "pending", to: "agreed ad ref", sectionId: section.id })],
      [admin.id, expect.objectContaining({ from: "agreed ad ref", to: "agreed" })],
    ]);
    await setParagraphStatus({ actor: facilitator, ...target, input: { status: "pending" } });
    expect(await prisma.paragraphStatus.count({ where: { sectionId: section.id } })).toBe(0);
  });

  it("refuses `agreed` while a bracket is open (409 naming it), writing nothing; `agreed ad ref` is allowed", async () => {
    const { id: planId } = await createPlan();
    const { section, passage } = await firstPassage(planId);
    const words = passage.text.split(" ").slice(0, 2).join(" ");
    await bracketWords(section.id, passage.blockId, words);
    const target = { planId, sectionId: section.id, blockId: passage.blockId };
    const before = await countRows(prisma);
    const refusal = setParagraphStatus({ actor: facilitator, ...target, input: { status: "agreed" } });
    await expect(refusal).rejects.toMatchObject({ code: "conflict", details: { bracketId: "br-test" } });
    await expect(refusal).rejects.toThrow(`“${words}” (Egypt)`);
    expect(await countRows(prisma)).toEqual(before);
    await setParagraphStatus({ actor: facilitator, ...target, input: { status: "agreed ad ref" } });
    expect(await prisma.paragraphStatus.count({ where: { sectionId: section.id } })).toBe(1);
  });
  it("refuses a status set on words the server does not hold yet (an edit still on its way), writing nothing", async () => {
    const { id: planId } = await createPlan();
    const { section, passage } = await firstPassage(planId);
    const target = { planId, sectionId: section.id, blockId: passage.blockId };
    const before = await countRows(prisma);
    await expect(
      setParagraphStatus({
        actor: facilitator,
        ...target,
        input: { status: "agreed ad ref", text: `${passage.text} and more` },
      }),
    ).rejects.toMatchObject({ code: "conflict", details: { field: "text" } });
    expect(await countRows(prisma)).toEqual(before);
    await setParagraphStatus({ actor: facilitator, ...target, input: { status: "agreed ad ref", text: passage.text } });
    expect(await prisma.paragraphStatus.count({ where: { sectionId: section.id } })).toBe(1);
  });
});

describe("a changed paragraph", () => {
  it("drops back to pending when an edit through the collaboration server changes its words, audited with the editor", async () => {
    const { id: planId } = await createPlan();
    const { section, passage } = await firstPassage(planId);
    const other = readPassages(section.content as JSONContent).find(
      (p) => p.blockId !== passage.blockId && p.type === "paragraph" && p.text,
    );
    const target = { planId, sectionId: section.id };
    await setParagraphStatus({ actor: facilitator, ...target, blockId: passage.blockId, input: { status: "agreed" } });
    if (other)
      await setParagraphStatus({ actor: facilitator, ...target, blockId: other.blockId, input: { status: "agreed" } });
    const { token } = signCollabToken({ userId: facilitator.id, secret: TEST_AUTH_SECRET });
    const client = connectClient({ port: server.port, planId, sectionId: section.id, token });
    try {
      await client.synced;
      blockTextIn(client.doc, passage.blockId).insert(0, "Never ");
      await client.settled();
      await server.flush();
      await waitFor(
        async () =>
          (await prisma.paragraphStatus.count({ where: { sectionId: section.id, blockId: passage.blockId } })) === 0,
        "the changed paragraph drops to pending",
      );
    } finally {
      client.close();
    }
    if (other)
      expect(await prisma.paragraphStatus.findMany({ where: { sectionId: section.id } })).toEqual([
        expect.objectContaining({ blockId: other.blockId, status: "agreed" }),
      ]);
    const dropped = await prisma.auditLog.findMany({
      where: {
        action: "paragraph.status_dropped",
        resourceId: passage.blockId,
        detail: { path: ["planId"], equals: planId },
      },
    });
    expect(dropped).toHaveLength(1);
    expect(dropped[0].userId).toBe(facilitator.id);
    expect(dropped[0].detail).toMatchObject({
      planId,
      sectionId: section.id,
      from: "agreed",
      to: "pending",
      before: expect.stringContaining(passage.text.slice(0, 40)),
      after: expect.stringMatching(/^Never /),
    });
  });
});

describe("status in exports", () => {
  it("prints the status after the paragraph's number and gives it as a field in JSON", async () => {
    const { id: planId } = await createPlan();
    const { section, passage } = await firstPassage(planId);
    await setParagraphStatus({
      actor: facilitator,
      planId,
      sectionId: section.id,
      blockId: passage.blockId,
      input: { status: "agreed ad ref" },
    });
    const markdown = (await exportPlanFile({ planId, format: "md" })).body.toString();
    const marked = markdown.split("\n").filter((line) => line.includes("**(Agreed ad ref)**"));
    expect(marked).toHaveLength(1);
    expect(marked[0].replace(/[*_]/g, "")).toContain(`(Agreed ad ref) ${passage.text.slice(0, 20)}`);
    const json = JSON.parse((await exportPlanFile({ planId, format: "json" })).body.toString());
    const passages = json.sections.flatMap((s: { passages: { blockId: string; status: string }[] }) => s.passages);
    expect(passages.find((p: { blockId: string }) => p.blockId === passage.blockId).status).toBe("agreed ad ref");
    expect(passages.filter((p: { status: string }) => p.status === "pending").length).toBe(passages.length - 1);
    const docx = (await exportPlanFile({ planId, format: "docx" })).body;
    expect(docx.length).toBeGreaterThan(0);
  });
});
