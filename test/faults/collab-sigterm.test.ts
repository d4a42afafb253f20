/**
 * Issue 8, fault 3: SIGTERM to the collab process while edits are pending
 * (acknowledged, still inside the debounce window). It stores them before it
 * exits, with exit code 0 — also when PostgreSQL is down at that moment and
 * comes back within the shutdown's bound.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { connectClient, firstText } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import {
  DEFAULT_DEBOUNCE_MS,
  killCollabProcesses,
  sleep,
  startCollabProcess,
  storedFirstText,
  storedText,
  typeSlowly,
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

async function connect(port: number, sectionKey: string) {
  const target = await getPrisma().planSection.findFirstOrThrow({ where: { planId: db.planId, key: sectionKey } });
  const client = connectClient({ port, planId: db.planId, sectionId: target.id, token: db.facilitator.token });
  clients.push(client);
  await client.synced;
  return { client, sectionId: target.id };
}

it("saves every acknowledged edit on SIGTERM, inside the debounce window, and exits 0", async () => {
  const port = await findFreePort();
  const server = await startCollabProcess({ port, databaseUrl: db.database.url });
  const { client, sectionId } = await connect(port, "timeframe");
  const typed = "Saved on SIGTERM. ";
  const startedAt = Date.now();
  await typeSlowly(client.doc, typed, 5);
  await client.settled();
  // Still inside the debounce window: nothing of it is stored yet, so what
  // follows shows the shutdown's flush, not an ordinary debounced store.
  expect(Date.now() - startedAt).toBeLessThan(DEFAULT_DEBOUNCE_MS);
  expect((await storedText(sectionId)).includes(typed)).toBe(false);

  server.child.kill("SIGTERM");
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/\[collab\] SIGTERM: saving pending edits[\s\S]*\[collab\] stopped/);
  expect(await storedFirstText(sectionId)).toBe(firstText(client.doc).toString());
  expect((await storedText(sectionId)).startsWith(typed)).toBe(true);
});

it("on SIGTERM while PostgreSQL is down, retries the pending stores until it is back (within the bound), then exits 0", async () => {
  const port = await findFreePort();
  const server = await startCollabProcess({ port, databaseUrl: db.database.url });
  const { client, sectionId } = await connect(port, "objectives");
  await db.database.stopServer();
  const typed = "Saved after the outage. ";
  await typeSlowly(client.doc, typed, 5);
  await client.settled();

  server.child.kill("SIGTERM");
  // The process must still be waiting for the database, not gone with the edits.
  await sleep(2000);
  expect(server.child.exitCode).toBeNull();
  await db.database.startServer();
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(server.output()).toContain("database unreachable");
  expect(await storedFirstText(sectionId)).toBe(firstText(client.doc).toString());
  expect((await storedText(sectionId)).startsWith(typed)).toBe(true);
});

it("on SIGTERM while PostgreSQL stays down, gives up after a bounded time and exits, rather than hang", async () => {
  const port = await findFreePort();
  const server = await startCollabProcess({ port, databaseUrl: db.database.url });
  const { client } = await connect(port, "principles");
  await db.database.stopServer();
  try {
    await typeSlowly(client.doc, "Lost on this server. ", 5);
    await client.settled();
    const startedAt = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    // lib/collab/server.ts: stores retry for 8 s after stop() begins.
    expect(Date.now() - startedAt).toBeGreaterThan(7000);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(server.output()).toContain("shutting down with the database still unreachable");
  } finally {
    await db.database.startServer();
  }
});
