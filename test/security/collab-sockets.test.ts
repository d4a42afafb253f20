/**
 * The collaboration server's sockets, attacked with real WebSockets:
 *   - a socket that never authenticates is closed within seconds, and what it
 *     sends before (or instead of) authenticating is capped, so a hundred
 *     such sockets leave the process's memory flat;
 *   - a frame bigger than a real update closes the socket;
 *   - plain HTTP gets no banner, and `npm run collab` listens on loopback
 *     unless told otherwise;
 *   - an admin's disable or demotion takes effect at once: no edit of that
 *     user's is acknowledged after the admin's request returns.
 */
import { readFile } from "node:fs/promises";
import { writeUint8Array } from "lib0/encoding";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { DEFAULT_GATE_LIMITS } from "@/lib/collab/socket-gate";
import { DEFAULT_MAX_MESSAGE_BYTES } from "@/lib/collab/server";
import { hashPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { DEMO_PASSWORD } from "@/test/support/accounts";
import { connectClient, firstText } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { killCollabProcesses, startCollabProcess } from "@/test/support/collab-process";
import { createPlan } from "@/test/support/factories";
import { findFreePort } from "@/test/support/free-port";
import { jsonRequest } from "@/test/support/http";
import { buildFrame, openRawSocket, sendQuietly } from "@/test/support/raw-collab";
import { setUpServedApp } from "@/test/support/served-app";
import { fetchCollabToken, signInOverHttp } from "@/test/support/sign-in";

const { baseUrl, hasServer, databaseUrl, collabPort, sessions } = setUpServedApp({ accounts: ["admin"] });

const MEGABYTE = 1024 * 1024;
let planId: string;
let sectionId: string;
const clients: TestClient[] = [];

/** A pre-authentication frame of `bytes` for a section: what the probe flooded the server with. */
function junkFrame(bytes: number): Uint8Array {
  return buildFrame(sectionDocumentName({ planId, sectionId }), 0, (encoder) =>
    writeUint8Array(encoder, new Uint8Array(bytes)),
  );
}

async function residentMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * How far the process's resident memory stands above `before`, read every
 * second until it is under `limit` or 30 s have passed. Freed buffers leave
 * the process only at V8's next collection, which an idle process runs late.
 */
async function growthOnceSettled(pid: number, before: number, limit: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let growth = (await residentMegabytes(pid)) - before;
  while (growth >= limit && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    growth = (await residentMegabytes(pid)) - before;
  }
  return growth;
}

/** A new facilitator, signed in, with a live connection to the section. */
async function connectedFacilitator(label: string): Promise<{ id: string; client: TestClient }> {
  const email = `${label}-${crypto.randomUUID()}@security.test`;
  const user = await getPrisma().user.create({
    data: { email, name: `Facilitator ${label}`, role: "facilitator", passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  const session = await signInOverHttp(baseUrl, email);
  const client = connectClient({ port: collabPort, planId, sectionId, token: await fetchCollabToken(session) });
  clients.push(client);
  await client.synced;
  return { id: user.id, client };
}

/** Types after the admin's change, then checks the server never took it: not acknowledged, not stored, not seen. */
async function expectNoEditTaken(client: TestClient, witness: TestClient, marker: string): Promise<void> {
  firstText(client.doc).insert(0, marker);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(client.provider.hasUnsyncedChanges).toBe(true);
  expect(witness.doc.getXmlFragment("default").toString()).not.toContain(marker);
  const stored = await getPrisma().planSection.findUniqueOrThrow({ where: { id: sectionId }, select: { text: true } });
  expect(stored.text).not.toContain(marker);
}

beforeAll(async () => {
  if (!hasServer) return;
  // The file's own plan: the facilitators it connects try to edit this section.
  ({ id: planId } = await createPlan());
  const section = await getPrisma().planSection.findFirstOrThrow({
    where: { planId, key: "existing-instruments" },
    select: { id: true },
  });
  sectionId = section.id;
});

afterAll(async () => {
  for (const client of clients.splice(0)) client.close();
  await killCollabProcesses();
});

describe.skipIf(!hasServer)("sockets that do not authenticate", () => {
  it("closes a socket that sends nothing within the authentication timeout", async () => {
    const { closed } = await openRawSocket(collabPort);
    const opened = Date.now();
    const { code, at } = await closed;
    expect(code).toBe(4408);
    expect(at - opened).toBeLessThan(DEFAULT_GATE_LIMITS.authTimeoutMs + 2000);
  }, 30_000);

  it("closes a socket whose unauthenticated frames go over the budget, instead of queueing 24 MB", async () => {
    const { socket, closed } = await openRawSocket(collabPort);
    for (let i = 0; i < 24; i++) sendQuietly(socket, junkFrame(MEGABYTE));
    const { code } = await closed;
    expect(code).toBe(1009);
  });

  it("keeps the collab process's memory flat over 100 flooding sockets held open", async () => {
    const port = await findFreePort();
    const server = await startCollabProcess({ port, databaseUrl });
    const before = await residentMegabytes(server.child.pid!);
    const sockets = [];
    for (let batch = 0; batch < 10; batch++) {
      const opened = await Promise.all(Array.from({ length: 10 }, () => openRawSocket(port)));
      for (const { socket } of opened) for (let i = 0; i < 4; i++) sendQuietly(socket, junkFrame(MEGABYTE));
      sockets.push(...opened);
    }
    // Every one of them was closed by the server, while the attacker would have held them open.
    await Promise.all(sockets.map(({ closed }) => closed));
    // 400 MB were sent; without the budget the process held them all, for as long as the sockets stayed open.
    // With it, what is left is garbage that V8 frees when it next collects: give it the time to.
    expect(await growthOnceSettled(server.child.pid!, before, 60)).toBeLessThan(60);
  }, 90_000);
});

describe.skipIf(!hasServer)("the server's edges", () => {
  it("closes an authenticated socket that sends a frame bigger than a real update", async () => {
    const { client } = await connectedFacilitator("big-frame");
    const closed = new Promise<number>((resolve) =>
      client.provider.configuration.websocketProvider.on("close", ({ event }: { event: { code: number } }) =>
        resolve(event.code),
      ),
    );
    client.provider.configuration.websocketProvider.send(junkFrame(DEFAULT_MAX_MESSAGE_BYTES + 1024));
    await expect(closed).resolves.toBe(1009);
  });

  it("answers plain HTTP without a banner, and health checks at /healthz", async () => {
    const root = await fetch(`http://127.0.0.1:${collabPort}/`);
    expect(root.status).toBe(426);
    expect(await root.text()).not.toMatch(/hocuspocus/i);
    const health = await fetch(`http://127.0.0.1:${collabPort}/healthz`);
    expect(health.status).toBe(200);
  });

  it("listens on loopback only unless COLLAB_HOST says otherwise", async () => {
    const port = await findFreePort();
    const server = await startCollabProcess({ port, databaseUrl });
    expect(server.output()).toContain(`listening on ws://127.0.0.1:${port}`);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal);
    if (!external) return;
    const reached = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(`ws://${external.address}:${port}`);
      socket.once("open", () => resolve(true));
      socket.once("error", () => resolve(false));
    });
    expect(reached).toBe(false);
  });
});

describe.skipIf(!hasServer)("an admin's change takes effect at once", () => {
  it("takes no edit from a facilitator after the admin's disable returns", async () => {
    const { id, client } = await connectedFacilitator("disabled");
    const { client: witness } = await connectedFacilitator("witness-a");
    const response = await sessions.admin.fetch(`/api/admin/users/${id}`, jsonRequest({ disabled: true }, "PATCH"));
    expect(response.status).toBe(200);
    await expectNoEditTaken(client, witness, "Typed after being disabled. ");
  });

  it("takes no edit from a facilitator after the admin's demotion to observer returns", async () => {
    const { id, client } = await connectedFacilitator("demoted");
    const { client: witness } = await connectedFacilitator("witness-b");
    const response = await sessions.admin.fetch(`/api/admin/users/${id}`, jsonRequest({ role: "observer" }, "PATCH"));
    expect(response.status).toBe(200);
    await expectNoEditTaken(client, witness, "Typed after being demoted. ");
  });
});
