/**
 * Two app instances, one database: a delegate connected to instance B hears
 * live about a reply written through instance A, because every instance
 * LISTENs on PostgreSQL and NOTIFY reaches them all.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminateChild } from "@/lib/cli/terminate-child";
import { DEMO_PASSWORD } from "@/test/support/accounts";
import { openEventStream, unreadOf } from "@/test/support/event-stream";
import { createPlan, createUser } from "@/test/support/factories";
import { findFreePort } from "@/test/support/free-port";
import { jsonRequest } from "@/test/support/http";
import { spawnNextStart, waitForHttp } from "@/test/support/production-server";
import { setUpServedApp } from "@/test/support/served-app";
import type { HttpSession } from "@/test/support/sign-in";
import { signInOverHttp } from "@/test/support/sign-in";

const { baseUrl, hasServer, databaseUrl, collabPort } = setUpServedApp();

let instanceB: ChildProcess | null = null;
let baseUrlB: string;
let planId: string;
const DELEGATE = `instances.${crypto.randomUUID()}@test.local`;
const FACILITATOR = `instances.${crypto.randomUUID()}@test.local`;

beforeAll(async () => {
  if (!hasServer) return;
  // The same build, database, secret and collaboration server as instance A (see e2e-setup.ts); only the port differs.
  const port = await findFreePort();
  baseUrlB = `http://localhost:${port}`;
  instanceB = spawnNextStart({ port, databaseUrl, collabPort });
  await waitForHttp(baseUrlB, { timeoutMs: 60_000, child: instanceB });
  ({ id: planId } = await createPlan());
  await createUser({ role: "delegate", delegationName: "Peru", email: DELEGATE, password: DEMO_PASSWORD });
  await createUser({ role: "facilitator", name: "Ines Instances", email: FACILITATOR, password: DEMO_PASSWORD });
});
afterAll(() => terminateChild(instanceB));

describe.skipIf(!hasServer)("notifications across two app instances", () => {
  it("reach a delegate streaming from instance B when the facilitator replies through instance A, and the other way round", async () => {
    // Accounts of the file's own (a delegation no other file uses): their unread counts are compared exactly.
    const delegateOnB: HttpSession = await signInOverHttp(baseUrlB, DELEGATE);
    const facilitatorOnA: HttpSession = await signInOverHttp(baseUrl, FACILITATOR);

    await delegateOnB.fetch("/api/notifications/read", jsonRequest({ all: true }));
    const opened = await delegateOnB.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: "Map the resources required" },
        stance: "question",
        body: "Peru asks, via B.",
      }),
    );
    expect(opened.status).toBe(201);
    const { id: threadId, number } = (await opened.json()) as { id: string; number: number };

    const streamOnB = await openEventStream(`${baseUrlB}/api/notifications/stream`, { cookie: delegateOnB.cookie });
    const streamOnA = await openEventStream(`${baseUrl}/api/notifications/stream`, { cookie: facilitatorOnA.cookie });
    try {
      expect(unreadOf(await streamOnB.next((e) => e.event === "unread", 5_000))).toBe(0);
      const facilitatorUnread = unreadOf(await streamOnA.next((e) => e.event === "unread", 5_000));

      const reply = await facilitatorOnA.fetch(
        `/api/plans/${planId}/threads/${threadId}/comments`,
        jsonRequest({ body: "Answered via A." }),
      );
      expect(reply.status).toBe(201);
      // Live: within a couple of seconds, on the other instance.
      expect(unreadOf(await streamOnB.next((e) => e.event === "unread", 2_500))).toBe(1);
      const list = (await (await delegateOnB.fetch("/api/notifications")).json()) as {
        items: { title: string; href: string }[];
      };
      expect(list.items[0]).toEqual(
        expect.objectContaining({
          title: `Ines Instances (facilitator) replied to comment ${number}`,
          href: `/plans/${planId}#thread-${threadId}`,
        }),
      );

      // And back: the delegate replies through B, the facilitator (a participant now) hears on A.
      await delegateOnB.fetch(
        `/api/plans/${planId}/threads/${threadId}/comments`,
        jsonRequest({ body: "Thanks, via B." }),
      );
      expect(unreadOf(await streamOnA.next((e) => e.event === "unread", 2_500))).toBe(facilitatorUnread + 1);
    } finally {
      streamOnB.close();
      streamOnA.close();
    }
  });
});
