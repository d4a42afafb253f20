/** The notification endpoints over HTTP against `next start`: 401 without a session, one's own notifications only, 400 naming the field, and the live stream. */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { openEventStream, unreadOf } from "@/test/support/event-stream";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
const newThread = {
  sectionKey: "resources",
  blockId: "resources.should-8",
  quote: { exact: "Map the resources required" },
  stance: "question",
  body: "A question.",
};
type TList = { items: { id: string; title: string; href: string; isRead: boolean }[]; unread: number };

let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

describe.skipIf(!hasServer)("/api/notifications", () => {
  it("requires a session on every endpoint (401), changing nothing", async () => {
    const unreadBefore = await getPrisma().notification.count({ where: { readAt: null } });
    expect((await fetch(`${baseUrl}/api/notifications`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/notifications/read`, jsonRequest({ all: true }))).status).toBe(401);
    const stream = await openEventStream(`${baseUrl}/api/notifications/stream`);
    expect(stream.status).toBe(401);
    stream.close();
    expect(await getPrisma().notification.count({ where: { readAt: null } })).toBe(unreadBefore);
  });

  it("answers 400 naming the field", async () => {
    for (const [body, field] of [
      [{}, "ids"],
      [{ id: "abc" }, "ids"],
      [{ ids: "abc" }, "ids"],
      [{ ids: [] }, "ids"],
      [{ all: false }, "all"],
      [{ ids: ["a"], all: true }, "all"],
    ] as const) {
      const response = await sessions.delegate.fetch("/api/notifications/read", jsonRequest(body));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid", field });
    }
  });

  it("lists and marks read only one's own notifications; another user's ids change nothing", async () => {
    const created = await sessions.facilitator.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({ ...newThread, body: "@ecuador, which resources?" }),
    );
    expect(created.status).toBe(201);
    const { id: threadId, number } = (await created.json()) as { id: string; number: number };
    const delegate = (await (await sessions.delegate.fetch("/api/notifications")).json()) as TList;
    const mine = delegate.items.find((n) => n.href === `/plans/${planId}#thread-${threadId}`);
    expect(mine).toMatchObject({
      title: `Fatima Facilitator (facilitator) mentioned your delegation in comment ${number}`,
      isRead: false,
    });
    expect(delegate.unread).toBeGreaterThanOrEqual(1);

    // Nobody else sees it, whatever their role.
    for (const role of ["observer", "facilitator"] as const) {
      const theirs = (await (await sessions[role].fetch("/api/notifications")).json()) as TList;
      expect(theirs.items.map((n) => n.id)).not.toContain(mine!.id);
    }
    // Nor can anyone else mark it read, by id or with "all".
    const byId = await sessions.observer.fetch("/api/notifications/read", jsonRequest({ ids: [mine!.id] }));
    expect(byId.status).toBe(200);
    expect(await byId.json()).toMatchObject({ marked: 0 });
    expect((await sessions.facilitator.fetch("/api/notifications/read", jsonRequest({ all: true }))).status).toBe(200);
    expect((await getPrisma().notification.findUniqueOrThrow({ where: { id: mine!.id } })).readAt).toBeNull();

    // Its owner can.
    const own = await sessions.delegate.fetch("/api/notifications/read", jsonRequest({ ids: [mine!.id] }));
    expect(await own.json()).toMatchObject({ marked: 1, unread: delegate.unread - 1 });
    expect((await getPrisma().notification.findUniqueOrThrow({ where: { id: mine!.id } })).readAt).not.toBeNull();
  });

  it("streams the unread count on connect and again when a reply arrives", async () => {
    await sessions.delegate.fetch("/api/notifications/read", jsonRequest({ all: true }));
    const opened = await sessions.delegate.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({ ...newThread, body: "Ecuador asks." }),
    );
    const { id: threadId } = (await opened.json()) as { id: string };
    const stream = await openEventStream(`${baseUrl}/api/notifications/stream`, { cookie: sessions.delegate.cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      expect(unreadOf(await stream.next((e) => e.event === "unread", 5_000))).toBe(0);
      await sessions.facilitator.fetch(
        `/api/plans/${planId}/threads/${threadId}/comments`,
        jsonRequest({ body: "An answer." }),
      );
      expect(unreadOf(await stream.next((e) => e.event === "unread", 5_000))).toBe(1);
    } finally {
      stream.close();
    }
  });
});

describe.skipIf(!hasServer)("/api/plans/[id]/activity", () => {
  it("requires a session (401), an existing plan (404) and a known kind (400 naming it)", async () => {
    const anonymous = await openEventStream(`${baseUrl}/api/plans/${planId}/activity`);
    expect(anonymous.status).toBe(401);
    anonymous.close();
    const unknown = await openEventStream(`${baseUrl}/api/plans/no-such-plan/activity`, {
      cookie: sessions.observer.cookie,
    });
    expect(unknown.status).toBe(404);
    unknown.close();
    const badKind = await sessions.observer.fetch(`/api/plans/${planId}/activity?kind=everything`);
    expect(badKind.status).toBe(400);
    expect(await badKind.json()).toMatchObject({ error: "invalid", field: "kind" });
  });

  it("streams, to every role that reads the plan, which section's threads changed, and never what was said", async () => {
    const streams = await Promise.all(
      (["observer", "delegate", "facilitator"] as const).map((role) =>
        openEventStream(`${baseUrl}/api/plans/${planId}/activity`, { cookie: sessions[role].cookie }),
      ),
    );
    try {
      for (const stream of streams)
        expect([stream.status, stream.contentType]).toEqual([200, expect.stringMatching(/^text\/event-stream/)]);
      const created = await sessions.delegate.fetch(
        `/api/plans/${planId}/threads`,
        jsonRequest({ ...newThread, body: "Live on the comments page." }),
      );
      const { id: threadId } = (await created.json()) as { id: string };
      const { sectionId } = await getPrisma().commentThread.findUniqueOrThrow({ where: { id: threadId } });
      for (const stream of streams) {
        const event = await stream.next((e) => e.event === "threads", 5_000);
        expect(JSON.parse(event.data)).toEqual({ sectionId });
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
