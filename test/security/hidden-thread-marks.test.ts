/**
 * A facilitators-only thread leaves no trace that delegates or observers can
 * read: not its id, not the words it is on. Not in the JSON export (live text
 * and versions), the plan page, the live document they receive, nor what
 * PostgreSQL stores of the text. Facilitators still see it on the text, in
 * Chromium, as a mark on the quoted words.
 */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { ACCOUNTS } from "@/test/support/accounts";
import { connectClient, waitFor } from "@/test/support/collab";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { fetchCollabToken } from "@/test/support/sign-in";

const { hasServer, collabPort, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
const browser = setUpBrowser();

const SECTION_KEY = "cross-cutting";
let planId: string;
let sectionId: string;
let threadId: string;
let quote: string;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const section = await getPrisma().planSection.findFirstOrThrow({
    where: { planId, key: SECTION_KEY },
    select: { id: true, content: true },
  });
  sectionId = section.id;
  const block = readPassages(section.content as JSONContent).find((candidate) => candidate.text.length > 40)!;
  quote = block.text.slice(5, 35);
  const created = await sessions.facilitator.fetch(
    `/api/plans/${planId}/threads`,
    jsonRequest({
      sectionKey: SECTION_KEY,
      blockId: block.blockId,
      quote: { exact: quote },
      stance: "question",
      visibility: "facilitators",
      body: "Only between facilitators.",
    }),
  );
  expect(created.status).toBe(201);
  threadId = ((await created.json()) as { id: string }).id;
  await waitFor(
    async () => (await getPrisma().commentThread.findUniqueOrThrow({ where: { id: threadId } })).anchoredAt !== null,
    "the thread is anchored",
    20_000,
  );
  // A version taken now would carry whatever the text carries.
  expect(
    (
      await sessions.facilitator.fetch(
        `/api/plans/${planId}/versions`,
        jsonRequest({ label: `With a hidden thread ${Date.now()}` }),
      )
    ).status,
  ).toBe(201);
});

describe.skipIf(!hasServer)("a facilitators-only thread", () => {
  it("is nowhere in what delegates and observers download: the backup, with its versions, the JSON, and the plan page", async () => {
    for (const role of ["delegate", "observer"] as const) {
      const json = await sessions[role].fetch(`/api/plans/${planId}/export?format=json`);
      expect(await json.text(), role).not.toContain(threadId);
      const exported = await sessions[role].fetch(`/api/plans/${planId}/export?format=backup`);
      expect(exported.status).toBe(200);
      const body = await exported.text();
      expect(body).toContain('"versions"');
      expect(body, role).not.toContain(threadId);
      const page = await sessions[role].fetch(`/plans/${planId}`);
      expect(page.status).toBe(200);
      expect(await page.text(), role).not.toContain(threadId);
    }
  });

  it("is nowhere in the live document an observer receives, nor in the stored text and versions", async () => {
    const observer = connectClient({
      port: collabPort,
      planId,
      sectionId,
      token: await fetchCollabToken(sessions.observer),
    });
    try {
      await observer.synced;
      expect(observer.doc.getXmlFragment("default").toString()).not.toContain(threadId);
    } finally {
      observer.close();
    }
    const stored = await getPrisma().planSection.findUniqueOrThrow({ where: { id: sectionId } });
    expect(JSON.stringify(stored.content)).not.toContain(threadId);
    expect(stored.ydoc && Buffer.from(stored.ydoc).includes(Buffer.from(threadId))).toBeFalsy();
    const versions = await getPrisma().planVersionSection.findMany({ where: { sectionId } });
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) expect(JSON.stringify(version.content)).not.toContain(threadId);
  });

  it("is marked on its words on the facilitator's page, and not on the delegate's", async () => {
    const facilitator = await openPlanAs(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: SECTION_KEY });
    const delegate = await openPlanAs(browser, { planId, email: ACCOUNTS.delegate, sectionKey: SECTION_KEY });
    try {
      const mark = facilitator.locator(`#${SECTION_KEY} .ProseMirror .comment-mark[data-thread-ids~="${threadId}"]`);
      await mark.first().waitFor({ timeout: 10_000 });
      expect((await mark.allTextContents()).join("")).toBe(quote);
      await expect(facilitator.locator(`#thread-${threadId}`).count()).resolves.toBe(1);
      expect(await delegate.content()).not.toContain(threadId);
    } finally {
      await facilitator.context().close();
      await delegate.context().close();
    }
  });
});
