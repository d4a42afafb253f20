/**
 * A revision holds the last keystrokes: flushLiveEdits asks the collaboration
 * servers (LISTEN/NOTIFY) to store a plan's live documents now, and returns
 * once they say so. Here the server stores only after a long quiet period, so
 * the typed words reach the database through the flush alone. With no collab
 * server listening, it gives up after its timeout and the text as stored is used.
 */
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "@/lib/collab/server";
import { getPrisma } from "@/lib/db";
import { findPassage } from "@/lib/editor/passages";
import { flushLiveEdits } from "@/lib/negotiation/flush-live-edits";
import { blockTextIn, connectClient, createTestUser, startTestCollab } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { createPlan } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
const BLOCK = "resources.should-8";
let planId: string;
let sectionId: string;
let server: CollabServer;
let editor: TestClient;

const storedText = async () => {
  const section = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { content: true } });
  return findPassage(section.content as JSONContent, BLOCK)!.text;
};

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  sectionId = (await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } })).id;
  server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL, debounceMs: 60_000, maxDebounceMs: 120_000 });
  editor = connectClient({ port: server.port, planId, sectionId, token: (await createTestUser("facilitator")).token });
  await editor.synced;
});
afterAll(async () => {
  editor?.close();
  await server?.stop();
});

describe("flushing live edits before a revision", () => {
  it("stores the words just typed, which the debounce would have held back for a minute", async () => {
    const yText = blockTextIn(editor.doc, BLOCK);
    yText.insert(0, "Freshly typed. ");
    await editor.settled();
    expect(await storedText()).not.toContain("Freshly typed.");
    const outcome = await flushLiveEdits(planId);
    expect(outcome).toEqual({ servers: 1, documents: 1 });
    expect(await storedText()).toContain("Freshly typed.");
  });

  it("answers for a plan the server does not hold, with no document", async () => {
    const { id: other } = await createPlan();
    expect(await flushLiveEdits(other)).toEqual({ servers: 1, documents: 0 });
  });
});
