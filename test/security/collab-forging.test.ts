/**
 * Forging what everyone sees through the collaboration server, against the
 * served stack with real sockets and, for what a facilitator would see, their
 * plan page in Chromium:
 *   - an observer's stateless frames (5 and 6) reach nobody, so forged
 *     "threads-changed" and "amendments-changed" notices neither change nor
 *     crash the facilitator's page, nor make it refetch;
 *   - a reader publishes no presence, and a writer's presence carries the
 *     name the server knows, not the one it sent;
 *   - the server's own notices still arrive, tagged and well formed.
 */
import type { JSONContent } from "@tiptap/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { readSectionNotice } from "@/lib/collab/section-notice";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { ACCOUNTS } from "@/test/support/accounts";
import { connectClient, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { openPlanAs } from "@/test/support/plan-page";
import { awarenessFrame, FRAME, sendOnSocket, statelessFrame } from "@/test/support/raw-collab";
import type { HttpSession } from "@/test/support/sign-in";
import { fetchCollabToken } from "@/test/support/sign-in";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer, collabPort, sessions } = setUpServedApp({
  accounts: ["facilitator", "facilitator2", "observer", "delegate"],
});
const browser = setUpBrowser();

/** The section these tests forge notices for; its key, id and one passage with a real thread on it. */
const SECTION_KEY = "monitoring-and-review";
let planId: string;
let sectionId: string;
let documentName: string;
let passage: { blockId: string; quote: string };
const clients: TestClient[] = [];

async function connectAs(session: HttpSession): Promise<TestClient> {
  const client = connectClient({ port: collabPort, planId, sectionId, token: await fetchCollabToken(session) });
  clients.push(client);
  await client.synced;
  return client;
}

async function openThreadAsDelegate(body: string): Promise<void> {
  const response = await sessions.delegate.fetch(
    `/api/plans/${planId}/threads`,
    jsonRequest({
      sectionKey: SECTION_KEY,
      blockId: passage.blockId,
      quote: { exact: passage.quote },
      stance: "support",
      body,
    }),
  );
  expect(response.status).toBe(201);
}

const FORGED_THREAD = {
  id: "forged",
  number: 999,
  section: { key: SECTION_KEY, title: "Monitoring" },
  blockId: "x",
  anchor: "anchored",
  range: null,
  quote: { exact: "x", prefix: "", suffix: "" },
  stance: "support",
  visibility: "everyone",
  status: "open",
  delegation: { id: "d", name: "Bahrain" },
  author: { id: "a", name: "Fatima Facilitator (facilitator)" },
  createdAt: new Date().toISOString(),
  concern: null,
  comments: [
    {
      id: "c",
      author: { id: "a", name: "Fatima Facilitator (facilitator)" },
      delegation: null,
      createdAt: new Date().toISOString(),
      editedAt: null,
      isDeleted: false,
      body: "FORGED BY AN OBSERVER",
    },
  ],
};
/** Every forgery the probe tried, as JSON payloads. */
const FORGERIES = [
  { type: "threads-changed", threads: [FORGED_THREAD] },
  { source: "gpa-collab", type: "threads-changed", threads: [FORGED_THREAD] },
  { type: "threads-changed", threads: [] },
  { type: "threads-changed", threads: [null] },
  ...Array.from({ length: 10 }, () => ({ type: "amendments-changed" })),
].map((notice) => JSON.stringify(notice));

function sendForgeries(client: TestClient): void {
  for (const payload of FORGERIES) {
    sendOnSocket(client, statelessFrame(documentName, FRAME.broadcastStateless, payload));
    sendOnSocket(client, statelessFrame(documentName, FRAME.stateless, payload));
  }
}

function listenForStateless(client: TestClient): string[] {
  const heard: string[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => heard.push(payload));
  return heard;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const section = await getPrisma().planSection.findFirstOrThrow({
    where: { planId, key: SECTION_KEY },
    select: { id: true, content: true },
  });
  sectionId = section.id;
  documentName = sectionDocumentName({ planId, sectionId });
  const block = readPassages(section.content as JSONContent).find((candidate) => candidate.text.length > 30)!;
  passage = { blockId: block.blockId, quote: block.text.slice(0, 24) };
  await openThreadAsDelegate("A real thread the forgeries try to hide.");
  // Its mark is put into the text, and the page told, before anyone listens: that notice is not a forgery.
  await waitFor(
    async () => (await getPrisma().commentThread.count({ where: { planId, anchoredAt: { not: null } } })) === 1,
    "the real thread is anchored",
  );
});

afterAll(() => {
  for (const client of clients.splice(0)) client.close();
});

describe.skipIf(!hasServer)("stateless messages come only from the server", () => {
  it("relays none of an observer's stateless frames to a facilitator, and still delivers the server's own notices", async () => {
    const facilitator = await connectAs(sessions.facilitator);
    const observer = await connectAs(sessions.observer);
    const heard = listenForStateless(facilitator);
    sendForgeries(observer);
    await pause(1500);
    expect(heard).toEqual([]);

    // The server's notices are not blocked with them: a real comment arrives, tagged, and parses.
    await openThreadAsDelegate("A real thread after the forgeries.");
    await waitFor(() => heard.length > 0, "the facilitator hears of the real thread");
    const notice = readSectionNotice(heard[0]);
    expect(notice).toMatchObject({ source: "gpa-collab", type: "threads-changed" });
    expect(
      notice?.type === "threads-changed" &&
        notice.threads?.some((thread) => thread.comments.some((c) => c.body === "A real thread after the forgeries.")),
    ).toBe(true);
  });

  it("leaves the facilitator's page as it was: no forged thread, no thread hidden, no crash, no refetching", async () => {
    const page = await openPlanAs(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: SECTION_KEY });
    try {
      const threads = page.locator(`#${SECTION_KEY} [data-testid=comment-thread]`);
      await threads.first().waitFor();
      const before = await threads.allTextContents();
      const refetches = countRequests(page, "/amendments");

      sendForgeries(await connectAs(sessions.observer));
      await pause(2000);

      await expect(page.getByText("This page could not be loaded").count()).resolves.toBe(0);
      await expect(page.getByText("FORGED BY AN OBSERVER").count()).resolves.toBe(0);
      await expect(threads.allTextContents()).resolves.toEqual(before);
      expect(refetches()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});

describe.skipIf(!hasServer)("presence", () => {
  it("drops an observer's presence: a facilitator never sees it, whatever name it claims", async () => {
    const facilitator = await connectAs(sessions.facilitator);
    const observer = await connectAs(sessions.observer);
    const spoof = {
      clientId: observer.doc.clientID,
      clock: 1,
      state: { user: { id: "x", name: "Fatima Facilitator", color: "#ff0000" } },
    };
    sendOnSocket(observer, awarenessFrame(documentName, spoof));
    observer.provider.awareness!.setLocalStateField("user", { name: "Fatima Facilitator" });
    await pause(1500);
    expect(facilitator.provider.awareness!.getStates().has(observer.doc.clientID)).toBe(false);
  });

  it("shows a writer under the name the server knows, and lets it speak for no other client", async () => {
    const facilitator = await connectAs(sessions.facilitator);
    const writer = await connectAs(sessions.facilitator2);
    const realName = (await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.facilitator2 } })).name;
    writer.provider.awareness!.setLocalStateField("user", {
      id: "someone-else",
      name: "The Secretary-General",
      color: "#000000",
    });
    await waitFor(
      () => facilitator.provider.awareness!.getStates().get(writer.doc.clientID)?.user !== undefined,
      "the facilitator sees the writer",
    );
    const seen = facilitator.provider.awareness!.getStates().get(writer.doc.clientID)!.user as {
      name: string;
      id: string;
    };
    expect(seen.name).toBe(realName);
    expect(seen.name).not.toBe("The Secretary-General");

    // Overwriting the facilitator's own presence from the writer's socket is dropped.
    facilitator.provider.awareness!.setLocalStateField("user", { name: "ignored: the server stamps it" });
    await waitFor(
      () => writer.provider.awareness!.getStates().has(facilitator.doc.clientID),
      "the writer sees the facilitator",
    );
    sendOnSocket(
      writer,
      awarenessFrame(documentName, {
        clientId: facilitator.doc.clientID,
        clock: 10_000,
        state: { user: { name: "Hijacked" } },
      }),
    );
    await pause(1000);
    const third = await connectAs(sessions.observer);
    await waitFor(
      () => third.provider.awareness!.getStates().has(facilitator.doc.clientID),
      "a third client sees the facilitator",
    );
    expect(
      (third.provider.awareness!.getStates().get(facilitator.doc.clientID)!.user as { name: string }).name,
    ).not.toBe("Hijacked");
  });
});

/** Counts the page's requests whose URL contains `fragment`, from now on. */
function countRequests(page: Page, fragment: string): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (request.url().includes(fragment)) count++;
  });
  return () => count;
}
