/**
 * The migration that takes facilitators-only threads' marks out of the shared
 * text: run on a plan whose live text and versions still carry such a mark
 * (as every plan did before it), it strips that thread's id and only it,
 * clears the Yjs state built from the old text, and queues the thread to be
 * anchored again, outside the document.
 */
import { readFile } from "node:fs/promises";
import type { JSONContent } from "@tiptap/core";
import pg from "pg";
import { expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { createPlan, createUser } from "@/test/support/factories";

const prisma = getPrisma();
const MIGRATION = "prisma/migrations/20261206100000_private_thread_anchors/migration.sql";

/** The section's JSON with a comment mark carrying `threadIds` on the first text of the first passage. */
function withMark(content: JSONContent, threadIds: string): JSONContent {
  const copy = structuredClone(content);
  const mark = (node: JSONContent): boolean => {
    if (node.type === "text")
      return Boolean((node.marks = [{ type: "bold" }, { type: "comment", attrs: { threadIds } }]));
    return (node.content ?? []).some(mark);
  };
  mark(copy);
  return copy;
}

async function runMigration(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(await readFile(MIGRATION, "utf8"));
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

setUpSeedDialogue();

it("strips only the facilitators-only thread's id, from live text and versions, and anchors it again", async () => {
  const { id: planId } = await createPlan();
  const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
  const author = await createUser({ role: "facilitator", name: "M" });
  const thread = (visibility: "everyone" | "facilitators", number: number) =>
    prisma.commentThread.create({
      data: {
        planId,
        sectionId: section.id,
        number,
        blockId: "b",
        quoteExact: "q",
        stance: "neutral",
        visibility,
        authorId: author.id,
        anchoredAt: new Date(),
      },
    });
  const [hidden, open] = [await thread("facilitators", 1), await thread("everyone", 2)];
  const legacy = withMark(section.content as JSONContent, `${open.id} ${hidden.id}`);
  await prisma.planSection.update({
    where: { id: section.id },
    data: { content: legacy as object, ydoc: Buffer.from([1, 2, 3]) },
  });
  const version = await prisma.planVersion.create({
    data: {
      planId,
      number: 1,
      label: "Rev.1",
      kind: "named",
      contentHash: "h",
      summary: {},
      links: [],
      amendments: [],
      sections: {
        create: {
          sectionId: section.id,
          key: "resources",
          title: "Resources",
          position: 0,
          content: legacy as object,
          text: "",
          ydoc: Buffer.from([1]),
        },
      },
    },
    include: { sections: true },
  });

  await runMigration();

  const after = await prisma.planSection.findUniqueOrThrow({ where: { id: section.id } });
  expect(JSON.stringify(after.content)).not.toContain(hidden.id);
  expect([...new Set(readPassages(after.content as JSONContent).flatMap((p) => p.threadIds))]).toEqual([open.id]);
  // Other marks on the same text are kept.
  expect(JSON.stringify(after.content)).toContain('{"type":"bold"}');
  expect(after.ydoc).toBeNull();
  const snapshot = await prisma.planVersionSection.findUniqueOrThrow({ where: { id: version.sections[0].id } });
  expect(JSON.stringify(snapshot.content)).not.toContain(hidden.id);
  expect([...new Set(readPassages(snapshot.content as JSONContent).flatMap((p) => p.threadIds))]).toEqual([open.id]);
  expect(snapshot.ydoc).toBeNull();
  expect((await prisma.commentThread.findUniqueOrThrow({ where: { id: hidden.id } })).anchoredAt).toBeNull();
  expect((await prisma.commentThread.findUniqueOrThrow({ where: { id: open.id } })).anchoredAt).not.toBeNull();

  // Other sections are left alone, and a second run changes nothing more.
  const untouched = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "timeframe" } });
  await runMigration();
  expect((await prisma.planSection.findUniqueOrThrow({ where: { id: section.id } })).content).toEqual(after.content);
  expect((await prisma.planSection.findUniqueOrThrow({ where: { id: untouched.id } })).content).toEqual(
    untouched.content,
  );
});
