/**
 * Issue 8, fault 1: the collab server dies with SIGKILL mid-typing and is
 * started again on the same port. Every edit it acknowledged before the kill
 * ends up in PostgreSQL, the client resyncs by itself, and no text is
 * doubled. The real `npm run collab` process, its default debounce, a real
 * provider, and a PostgreSQL of the test's own.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { connectClient, firstText, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import {
  killCollabProcesses,
  sleep,
  startCollabProcess,
  storedFirstText,
  storedText,
} from "@/test/support/collab-process";
import { setUpFaultDatabase } from "@/test/support/fault-database";
import type { FaultDatabase } from "@/test/support/fault-database";
import { findFreePort } from "@/test/support/free-port";

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

it("after SIGKILL mid-typing and a restart on the same port, stores every acknowledged edit, resyncs the client and doubles nothing", async () => {
  const target = await getPrisma().planSection.findFirstOrThrow({ where: { planId: db.planId, key: "resources" } });
  const port = await findFreePort();
  const first = await startCollabProcess({ port, databaseUrl: db.database.url });
  const client = connectClient({ port, planId: db.planId, sectionId: target.id, token: db.facilitator.token });
  clients.push(client);
  await client.synced;
  const original = firstText(client.doc).toString();
  const textBefore = await storedText(target.id);
  // Each keystroke is a distinct character sequence, so a duplicated stretch would show.
  const keystrokes = Array.from({ length: 60 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}${i} `);
  let typed = "";
  const typeOne = () => {
    const key = keystrokes[typed.split(" ").length - 1];
    firstText(client.doc).insert(typed.length, key);
    typed += key;
  };

  for (let i = 0; i < 10; i++) {
    typeOne();
    await sleep(15);
  }
  // Acknowledged, but inside the debounce window: not stored yet. It must
  // survive the kill all the same (the client's copy brings it back).
  await client.settled();
  const acknowledged = typed;
  // Then the kill lands mid-typing, with keystrokes in flight.
  for (let i = 0; i < 10; i++) {
    typeOne();
    await sleep(15);
  }
  first.child.kill("SIGKILL");
  expect((await first.exited).signal).toBe("SIGKILL");
  await waitFor(
    () => client.provider.configuration.websocketProvider.status === "disconnected",
    "the client sees the server go",
  );
  // Typing goes on while the server is down, into the client's own copy.
  for (let i = 0; i < 20; i++) {
    typeOne();
    await sleep(15);
  }

  await startCollabProcess({ port, databaseUrl: db.database.url });
  // No reconnect() here: the provider comes back by itself (after its backoff).
  await waitFor(
    () => client.provider.isSynced && client.provider.configuration.websocketProvider.status === "connected",
    "the provider reconnects and resyncs",
    40_000,
  );
  for (let i = 0; i < 20; i++) {
    typeOne();
    await sleep(15);
  }
  await client.settled();
  expect(firstText(client.doc).toString()).toBe(typed + original);

  await waitFor(
    async () => (await storedFirstText(target.id)) === typed + original,
    "the debounced store holds everything typed",
    15_000,
  );
  const text = await storedText(target.id);
  expect(text.startsWith(acknowledged)).toBe(true);
  expect(text.split(typed).length - 1).toBe(1);
  // Every keystroke exactly once: none lost, none doubled by the resync.
  const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
  for (const key of keystrokes) expect(count(text, key), key).toBe(count(textBefore, key) + 1);
}, 90_000);
