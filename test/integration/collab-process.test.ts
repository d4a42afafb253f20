/**
 * `npm run collab` as production runs it: the real process, its real
 * signals, the default debounce (1 s, at most 5 s) and a real provider that
 * reconnects by itself. SIGTERM must save what the server has acknowledged
 * but not yet stored; after SIGKILL and a restart, the client's own copy
 * brings back what was lost, once.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { seedPlan } from "@/lib/plan/seed-plan";
import { TEST_AUTH_SECRET } from "@/test/support/accounts";
import { toChildEnv } from "@/test/support/child-env";
import { connectClient, createTestUser, firstText, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { findFreePort } from "@/test/support/free-port";
import { clearDatabase, resetToSeedDialogue, SEED_DIALOGUE_ID } from "@/test/support/seed-database";

/** scripts/collab.ts's own default: the quiet period before a store. */
const DEFAULT_DEBOUNCE_MS = 1000;
/** A cold start compiles the TypeScript with tsx; on a busy 2-core machine that takes seconds. */
const START_TIMEOUT_MS = 30_000;

type CollabProcess = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const prisma = getPrisma();
const processes: CollabProcess[] = [];
const clients: TestClient[] = [];
let planId: string;
let facilitator: { id: string; token: string };

beforeAll(async () => {
  await resetToSeedDialogue();
  planId = (await seedPlan({ dialogueId: SEED_DIALOGUE_ID })).planId;
  facilitator = await createTestUser("facilitator");
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const { child, exited } of processes.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  }
});
afterAll(async () => {
  await clearDatabase();
  await disconnectPrisma();
});

describe("the collaboration server process", () => {
  it("saves every acknowledged edit on SIGTERM, inside the debounce window, and exits 0", async () => {
    const target = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "timeframe" } });
    const port = await findFreePort();
    const server = await startCollabProcess(port);
    const client = connect(port, target.id);
    await client.synced;
    const typed = "Saved on SIGTERM. ";
    const startedAt = Date.now();
    await typeSlowly(client.doc, typed, 5);
    await client.settled();
    // Still inside the debounce window: nothing of it is stored yet, so what
    // follows shows the shutdown's flush, not an ordinary debounced store.
    expect(Date.now() - startedAt).toBeLessThan(DEFAULT_DEBOUNCE_MS);
    expect((await storedText(target.id)).includes(typed)).toBe(false);

    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/\[collab\] SIGTERM: saving pending edits[\s\S]*\[collab\] stopped/);
    expect(await storedFirstText(target.id)).toBe(firstText(client.doc).toString());
    expect((await storedText(target.id)).startsWith(typed)).toBe(true);
  }, 60_000);

  it("after SIGKILL mid-typing and a restart on the same port, resyncs the client and stores its text exactly once", async () => {
    const target = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const port = await findFreePort();
    const first = await startCollabProcess(port);
    const client = connect(port, target.id);
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

    for (let i = 0; i < 20; i++) {
      typeOne();
      await sleep(15);
    }
    // Some of it reached the server and perhaps some was even stored; the
    // rest dies with the process.
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    await waitFor(() => client.provider.configuration.websocketProvider.status === "disconnected", "the client sees the server go");
    // Typing goes on while the server is down, into the client's own copy.
    for (let i = 0; i < 20; i++) {
      typeOne();
      await sleep(15);
    }

    await startCollabProcess(port);
    // No reconnect() here: the provider comes back by itself (after its backoff).
    await waitFor(() => client.provider.isSynced && client.provider.configuration.websocketProvider.status === "connected", "the provider reconnects and resyncs", 40_000);
    for (let i = 0; i < 20; i++) {
      typeOne();
      await sleep(15);
    }
    await client.settled();
    expect(firstText(client.doc).toString()).toBe(typed + original);

    await waitFor(async () => (await storedFirstText(target.id)) === typed + original, "the debounced store holds everything typed", 15_000);
    const text = await storedText(target.id);
    expect(text.split(typed).length - 1).toBe(1);
    // Every keystroke exactly once: none lost, none doubled by the resync.
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    for (const key of keystrokes) expect(count(text, key), key).toBe(count(textBefore, key) + 1);
  }, 90_000);
});

describe("the collab process started by another", () => {
  it("stops when its parent dies without stopping it, instead of living on as an orphan", async () => {
    const parent = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const server = await startCollabProcess(await findFreePort(), parent.pid);
    parent.kill("SIGKILL");
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.output()).toContain("parent gone");
  }, 30_000);
});

function connect(port: number, sectionId: string): TestClient {
  const client = connectClient({ port, planId, sectionId, token: facilitator.token });
  clients.push(client);
  return client;
}

/** Starts `node --import tsx scripts/collab.ts` and resolves once it logs that it listens. */
async function startCollabProcess(port: number, parentPid?: number): Promise<CollabProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/collab.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    // No REDIS_URL: one process, its own documents.
    env: toChildEnv({
      ...process.env, DATABASE_URL: inject("databaseUrl"), AUTH_SECRET: TEST_AUTH_SECRET, COLLAB_PORT: String(port), REDIS_URL: undefined,
      COLLAB_PARENT_PID: parentPid ? String(parentPid) : undefined,
    }),
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const server = { child, output: () => output, exited };
  processes.push(server);
  const isListening = waitFor(() => output.includes("[collab] listening"), `the collab process listens on ${port}`, START_TIMEOUT_MS);
  const exitedEarly = exited.then(({ code, signal }) => {
    throw new Error(`the collab process exited before listening (code ${code}, signal ${signal}):\n${output}`);
  });
  await Promise.race([isListening, exitedEarly]);
  exitedEarly.catch(() => {});
  return server;
}

async function typeSlowly(doc: Y.Doc, text: string, delayMs: number): Promise<void> {
  for (let i = 0; i < text.length; i++) {
    firstText(doc).insert(i, text[i]);
    await sleep(delayMs);
  }
}

async function storedText(sectionId: string): Promise<string> {
  return (await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId } })).text;
}

/** The first text node of the stored Yjs state: what a client loading the section now would see. */
async function storedFirstText(sectionId: string): Promise<string> {
  const { ydoc } = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId } });
  const doc = new Y.Doc();
  if (ydoc) Y.applyUpdate(doc, ydoc);
  return firstText(doc).toString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
