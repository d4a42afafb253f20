/**
 * Two collaboration servers sharing one section through Redis, as production
 * runs them behind a load balancer: an edit typed on one server reaches the
 * other server's clients, and the stored section holds both servers' edits.
 *
 * Needs Redis at REDIS_URL (default redis://127.0.0.1:6379). Without it the
 * file is skipped with a warning on a developer's machine, but fails under
 * CI=true, so a CI job that lost its Redis service cannot pass silently.
 */
import { connect as connectTcp } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "@/lib/collab/server";
import { contentFromYdoc } from "@/lib/editor/ydoc";
import { getPrisma } from "@/lib/db";
import { connectClient, createTestUser, firstText, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { createPlan } from "@/test/support/factories";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const isRedisReachable = await pingRedis(REDIS_URL);
const isCi = process.env.CI === "true";
if (!isRedisReachable && !isCi)
  console.warn(
    `\n⚠ SKIPPED collab-redis.test.ts: no Redis answers at ${REDIS_URL} (set REDIS_URL, or start redis-server). Under CI=true this fails instead.\n`,
  );
const describeWithRedis = isRedisReachable || isCi ? describe : describe.skip;

const prisma = getPrisma();
const servers: CollabServer[] = [];
const clients: TestClient[] = [];
let planId: string;

describeWithRedis("two collaboration servers sharing documents through Redis", () => {
  setUpSeedDialogue();
  beforeAll(async () => {
    // Under CI a missing Redis must fail the run, not skip it.
    if (!isRedisReachable) throw new Error(`Redis is required under CI=true but does not answer at ${REDIS_URL}`);
    ({ id: planId } = await createPlan());
    servers.push(await startTestCollab({ redisUrl: REDIS_URL, name: "collab-a" }));
    servers.push(await startTestCollab({ redisUrl: REDIS_URL, name: "collab-b" }));
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const server of servers.splice(0)) await server.stop();
  });

  it("carries an edit on either server to the other server's client, and stores both", async () => {
    const [a, b] = servers;
    expect(a.port).not.toBe(b.port);
    const target = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "timeframe" } });
    const [alice, bob] = await Promise.all([
      createTestUser("facilitator", "Alice on A"),
      createTestUser("facilitator", "Bob on B"),
    ]);
    const onA = connectClient({ port: a.port, planId, sectionId: target.id, token: alice.token });
    const onB = connectClient({ port: b.port, planId, sectionId: target.id, token: bob.token });
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);

    firstText(onA.doc).insert(0, "Typed on server A. ");
    await waitFor(() => firstText(onB.doc).toString().includes("Typed on server A."), "A's edit reaches B's client");
    // A's store done before B's edit: two stores at once contend for the Redis
    // extension's store lock, and the loser is dropped, not retried, so an
    // edit that reached the winner too late is never stored. That race is a
    // known gap of its own; this test is about fan-out and storing both edits.
    await onA.settled();
    await a.flush();
    firstText(onB.doc).insert(0, "Typed on server B. ");
    await waitFor(() => firstText(onA.doc).toString().includes("Typed on server B."), "B's edit reaches A's client");
    await Promise.all([onA.settled(), onB.settled()]);
    expect(JSON.stringify(contentFromYdoc(onA.doc))).toBe(JSON.stringify(contentFromYdoc(onB.doc)));

    // One after the other, for the same reason.
    await a.flush();
    await b.flush();
    const stored = await prisma.planSection.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.text).toContain("Typed on server B. Typed on server A.");
    expect(stored.content).toEqual(contentFromYdoc(onB.doc));
  });
});

/** Whether a Redis server answers PING at `url` within a second (raw RESP, so no client library is needed). */
function pingRedis(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connectTcp({ host: hostname, port: Number(port || 6379) });
    const finish = (isUp: boolean) => {
      socket.destroy();
      resolve(isUp);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once("error", () => finish(false));
    // A password-protected Redis answers -NOAUTH, which still means it is there.
    socket.once("data", (data) => finish(/^(\+PONG|-NOAUTH)/.test(data.toString())));
    socket.once("connect", () => socket.write("PING\r\n"));
  });
}
