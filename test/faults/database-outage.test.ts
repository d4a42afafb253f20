/**
 * Issue 8, fault 2: PostgreSQL stops for 5 s while three clients type, then
 * starts again. The collab process keeps the documents, retries its stores
 * and loses nothing: afterwards PostgreSQL holds exactly the clients'
 * converged text. Meanwhile a route handler answers 503 with a clear message
 * within seconds (no hang), and answers normally again once the database is
 * back, without a restart.
 *
 * The clients type nothing after the outage, so only a retried store can
 * bring their outage edits to PostgreSQL: without the retry this test fails.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { POST as acceptInvite } from "@/app/api/invites/accept/route";
import { getPrisma } from "@/lib/db";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/http/respond";
import { connectClient, firstText, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import {
  DEFAULT_DEBOUNCE_MS,
  killCollabProcesses,
  sleep,
  startCollabProcess,
  storedFirstText,
  storedText,
} from "@/test/support/collab-process";
import { setUpFaultDatabase } from "@/test/support/fault-database";
import type { FaultDatabase } from "@/test/support/fault-database";
import { findFreePort } from "@/test/support/free-port";

const OUTAGE_MS = 5000;

let db: FaultDatabase;
const clients: TestClient[] = [];

beforeAll(async () => {
  db = await setUpFaultDatabase();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await killCollabProcesses();
});
afterAll(async () => {
  await db?.tearDown();
});

/**
 * A real route handler that needs no session, called in-process as Next
 * calls it. Its first step reads the database (is the invite token known?),
 * so it shows what every handler does while PostgreSQL is down.
 */
async function callAcceptInvite(): Promise<{
  status: number;
  body: { error?: string; message?: string };
  ms: number;
  retryAfter: string | null;
}> {
  const startedAt = Date.now();
  const request = new Request("http://localhost/api/invites/accept", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      token: "not-a-real-invite-token-0123456789",
      name: "Outage Tester",
      password: "long enough password",
    }),
  });
  const response = await acceptInvite(request, {});
  return {
    status: response.status,
    body: await response.json(),
    ms: Date.now() - startedAt,
    retryAfter: response.headers.get("retry-after"),
  };
}

it("keeps typed text through a 5 s PostgreSQL outage, stores all of it once the database is back, and answers 503 meanwhile", async () => {
  const sections = await getPrisma().planSection.findMany({
    where: { planId: db.planId, key: { in: ["resources", "targets"] } },
    orderBy: { key: "asc" },
  });
  const [resources, targets] = [
    sections.find((s) => s.key === "resources")!,
    sections.find((s) => s.key === "targets")!,
  ];
  const port = await findFreePort();
  const server = await startCollabProcess({ port, databaseUrl: db.database.url });
  // Two clients share one section (their edits must converge), a third edits another.
  const writers = [
    { name: "A", section: resources },
    { name: "B", section: resources },
    { name: "C", section: targets },
  ].map(({ name, section }) => {
    const client = connectClient({ port, planId: db.planId, sectionId: section.id, token: db.facilitator.token });
    clients.push(client);
    return { name, section, client, tokens: [] as string[] };
  });
  await Promise.all(writers.map((writer) => writer.client.synced));
  const storedBefore = new Map(await Promise.all(sections.map(async (s) => [s.id, await storedText(s.id)] as const)));
  // Each keystroke is a distinct token typed at the start of the text, so a lost or doubled one shows.
  const typeRound = (round: number, phase: string) => {
    for (const writer of writers) {
      const token = `${phase}${writer.name}${round} `;
      firstText(writer.client.doc).insert(0, token);
      writer.tokens.push(token);
    }
  };
  for (let round = 0; round < 5; round++) {
    typeRound(round, "up");
    await sleep(50);
  }

  await db.database.stopServer();
  const downAt = Date.now();
  const [duringOutage, typingEndedAt] = await Promise.all([
    callAcceptInvite(),
    (async () => {
      // About 2 s of typing, so the debounced stores (1 s after the last keystroke) fall inside the outage.
      for (let round = 0; round < 20; round++) {
        typeRound(round, "down");
        await sleep(100);
      }
      return Date.now();
    })(),
  ]);
  expect(duringOutage.status).toBe(503);
  expect(duringOutage.body).toEqual({ error: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE });
  expect(duringOutage.retryAfter).toBe("5");
  expect(duringOutage.ms).toBeLessThan(4000);
  // The server holds every edit (acknowledged), though it can store none of them yet.
  await Promise.all(writers.map((writer) => writer.client.settled()));

  await sleep(Math.max(0, downAt + OUTAGE_MS - Date.now()));
  // The debounced stores ran (and failed) during the outage: storing later would prove nothing.
  expect(Date.now() - typingEndedAt).toBeGreaterThan(DEFAULT_DEBOUNCE_MS + 500);
  await db.database.startServer();

  // The clients type nothing more: only the server's retries can store the outage's edits.
  for (const section of sections) {
    const texts = writers
      .filter((writer) => writer.section === section)
      .map((writer) => firstText(writer.client.doc).toString());
    expect(new Set(texts).size, `the clients of ${section.key} converge`).toBe(1);
    await waitFor(
      async () => (await storedFirstText(section.id)) === texts[0],
      `PostgreSQL holds the converged text of ${section.key}`,
      20_000,
    );
    const stored = await storedText(section.id);
    const count = (needle: string) => stored.split(needle).length - 1;
    const before = storedBefore.get(section.id)!;
    for (const writer of writers.filter((w) => w.section === section)) {
      for (const token of writer.tokens) expect(count(token), token).toBe(before.split(token).length - 1 + 1);
    }
  }
  expect(server.output()).toMatch(/database unreachable[\s\S]*database reachable again: stores resumed/);
  expect(server.child.exitCode).toBeNull();

  // The app recovers by itself: the pool drops its dead connections and opens new ones.
  const afterOutage = await callAcceptInvite();
  expect(afterOutage.status).toBe(404);
  expect(afterOutage.body.message).toBe("This invite link is not valid.");
});
