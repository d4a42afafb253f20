/**
 * "Paragraph 3" in a comment or an amendment's rationale, against a real
 * PostgreSQL: recorded as the paragraph it named when written, and shown with
 * the number that paragraph has after paragraphs are moved or deleted.
 */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { listAmendments } from "@/lib/amendments/list-amendments";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listThreads } from "@/lib/comments/list-threads";
import { getPrisma } from "@/lib/db";
import { toPlainText } from "@/lib/editor/plan-document";
import { createAmendment, createPlan, createThread, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { kindedParagraph } from "@/test/support/kinded-paragraphs";

setUpSeedDialogue();
const SECTION = "objectives";
let planId: string;
let delegate: CurrentUser;
let facilitator: CurrentUser;

const operative = (blockId: string, text: string) => kindedParagraph(blockId, "operative", text);

/** Stores the section's text as the collaboration server would (its JSON and plain text). */
async function storeSection(paragraphs: JSONContent[]): Promise<void> {
  const content = { type: "doc", content: paragraphs };
  await getPrisma().planSection.updateMany({
    where: { planId, key: SECTION },
    data: { content, text: toPlainText(content) },
  });
}

const FIRST = operative("op-a", "Decides to act;");
const SECOND = operative("op-b", "Urges Member States to ratify the Protocol;");
const THIRD = operative("op-c", "Requests a report.");

beforeAll(async () => {
  ({ id: planId } = await createPlan());
  delegate = await createUser({ role: "delegate", delegationName: "Bahrain" });
  facilitator = await createUser({ role: "facilitator" });
  await storeSection([FIRST, SECOND, THIRD]);
});

async function shownComment(threadId: string) {
  const thread = (await listThreads({ viewer: facilitator, planId })).find((t) => t.id === threadId)!;
  return thread.comments[0].references.map(({ text, isGone }) => ({ text, isGone }));
}

describe("paragraph references", () => {
  it("follow their paragraph when it is moved, and say when it is gone", async () => {
    const thread = await createThread({
      actor: delegate,
      planId,
      sectionKey: SECTION,
      blockId: "op-b",
      quote: { exact: "Urges Member States" },
      body: "We support paragraph 3, and OP 2 needs a deadline.",
    });
    const amendment = await createAmendment({
      actor: delegate,
      planId,
      sectionKey: SECTION,
      at: { blockId: "op-b", exact: "Urges" },
      newText: "Calls upon",
      rationale: "As in operative paragraph 1.",
    });
    expect(await shownComment(thread.id)).toEqual([
      { text: "paragraph 3", isGone: false },
      { text: "OP 2", isGone: false },
    ]);

    // Threads and amendments name their own paragraph by its number now.
    const listedThread = (await listThreads({ viewer: facilitator, planId })).find((t) => t.id === thread.id)!;
    expect(listedThread.paragraph).toBe("OP 2");

    // The third paragraph moves to the top; the first is deleted.
    await storeSection([THIRD, SECOND, FIRST]);
    expect((await listThreads({ viewer: facilitator, planId })).find((t) => t.id === thread.id)?.paragraph).toBe(
      "OP 2",
    );
    await storeSection([THIRD, SECOND]);
    expect(await shownComment(thread.id)).toEqual([
      { text: "paragraph 1", isGone: false },
      { text: "OP 2", isGone: false },
    ]);
    const listed = (await listAmendments({ viewer: facilitator, planId })).find((a) => a.id === amendment.id)!;
    expect(listed.rationaleReferences).toMatchObject([{ text: "operative paragraph 1", isGone: true }]);
    expect(listed.paragraph).toBe("OP 2");
  });
});
