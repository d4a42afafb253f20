/** Notifications against a real PostgreSQL: who a reply or mention notifies, facilitators-only threads, reading only one's own, the LISTEN hub and the SSE streams (the bell's, and a plan's activity). */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createThread } from "@/lib/comments/create-thread";
import { ZCreateThread } from "@/lib/comments/schemas";
import type { TCreateThread } from "@/lib/comments/schemas";
import { editComment, replyToThread } from "@/lib/comments/write-comment";
import { getPrisma } from "@/lib/db";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import {
  MAX_STREAMS_PER_USER,
  stopLiveHub,
  subscribeToNotifications,
  subscribeToPlanActivity,
} from "@/lib/live/live-hub";
import { openPlanActivityStream } from "@/lib/live/open-plan-activity-stream";
import { openNotificationStream } from "@/lib/notifications/open-notification-stream";
import { ZMarkRead } from "@/lib/notifications/schemas";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
let planId: string;
const people = {} as Record<
  "facilitator" | "facilitator2" | "ecuador" | "ecuador2" | "bahrain" | "observer",
  CurrentUser
>;

const input = (overrides: Partial<TCreateThread> = {}): TCreateThread =>
  ZCreateThread.parse({
    sectionKey: "resources",
    blockId: "resources.should-8",
    quote: { exact: "Map the resources required" },
    stance: "support",
    body: "We support this.",
    ...overrides,
  });

/** Who holds notifications, as { user name: [kind, title][] }, newest last. */
async function notificationsByName() {
  const rows = await prisma.notification.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { user: { select: { name: true } } },
  });
  const byName: Record<string, [string, string][]> = {};
  for (const row of rows) (byName[row.user.name] ??= []).push([row.kind, row.title]);
  return byName;
}

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  people.facilitator = await createUser({ role: "facilitator", name: "Fay Facilitator" });
  people.facilitator2 = await createUser({ role: "facilitator", name: "Fred Facilitator" });
  people.ecuador = await createUser({ role: "delegate", name: "Eva Ecuador", delegationName: "Ecuador" });
  people.ecuador2 = await createUser({ role: "delegate", name: "Enzo Ecuador", delegationName: "Ecuador" });
  people.bahrain = await createUser({ role: "delegate", name: "Bilal Bahrain", delegationName: "Bahrain" });
  people.observer = await createUser({ role: "observer", name: "Olga Observer" });
});
beforeEach(async () => {
  await prisma.notification.deleteMany();
});
afterAll(async () => {
  await stopLiveHub();
});

describe("a reply", () => {
  it("notifies the thread's opener and everyone who commented, but never the one replying", async () => {
    const thread = await createThread({
      actor: people.ecuador,
      planId,
      input: input({ body: "Ecuador supports this." }),
    });
    const target = { planId, threadId: thread.id };
    await replyToThread({ actor: people.bahrain, target, input: { body: "Bahrain too." } });
    expect(await notificationsByName()).toEqual({
      "Eva Ecuador": [["reply", `Bilal Bahrain (Bahrain) replied to comment ${thread.number}`]],
    });

    await prisma.notification.deleteMany();
    await replyToThread({ actor: people.facilitator, target, input: { body: "Noted, thank you both." } });
    const rows = await prisma.notification.findMany({ include: { user: { select: { name: true } } } });
    expect(rows.map((r) => r.user.name).sort()).toEqual(["Bilal Bahrain", "Eva Ecuador"]);
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: "reply",
        title: `Fay Facilitator (facilitator) replied to comment ${thread.number}`,
        href: `/plans/${planId}#thread-${thread.id}`,
        planId,
        resourceType: "comment_thread",
        resourceId: thread.id,
        actorId: people.facilitator.id,
        readAt: null,
      });
    }
  });
});

describe("a mention", () => {
  it("of a delegation notifies each of its members once (a mention wins over a reply), and no one else", async () => {
    const thread = await createThread({
      actor: people.facilitator,
      planId,
      input: input({ stance: "question", body: "@ecuador, which resources do you mean?" }),
    });
    expect(await notificationsByName()).toEqual({
      "Eva Ecuador": [
        ["mention", `Fay Facilitator (facilitator) mentioned your delegation in comment ${thread.number}`],
      ],
      "Enzo Ecuador": [
        ["mention", `Fay Facilitator (facilitator) mentioned your delegation in comment ${thread.number}`],
      ],
    });

    await prisma.notification.deleteMany();
    // Eva replies naming her own delegation and the facilitator by email: Enzo is mentioned, Fay is the opener and mentioned.
    await replyToThread({
      actor: people.ecuador,
      target: { planId, threadId: thread.id },
      input: { body: "@ecuador means us; @fay.facilitator@test.local see above." },
    });
    expect(await notificationsByName()).toEqual({
      "Fay Facilitator": [["mention", `Eva Ecuador (Ecuador) mentioned you in comment ${thread.number}`]],
      "Enzo Ecuador": [["mention", `Eva Ecuador (Ecuador) mentioned your delegation in comment ${thread.number}`]],
    });
  });

  it("in a facilitators-only thread reaches no delegate or observer, even when it names their delegation or them", async () => {
    const body = "Internal: @ecuador and @olga.observer@test.local and @fred.facilitator@test.local, see this.";
    const thread = await createThread({
      actor: people.facilitator,
      planId,
      input: input({ visibility: "facilitators", body }),
    });
    await replyToThread({
      actor: people.facilitator2,
      target: { planId, threadId: thread.id },
      input: { body: "Agreed, @bahrain is next." },
    });
    const rows = await prisma.notification.findMany({
      orderBy: { createdAt: "asc" },
      include: { user: { select: { name: true, role: true } } },
    });
    expect(rows.map((r) => [r.user.name, r.kind])).toEqual([
      ["Fred Facilitator", "mention"],
      ["Fay Facilitator", "reply"],
    ]);
    expect(rows.every((r) => r.user.role === "facilitator")).toBe(true);
  });

  it("added by an edit is announced once; mentions already announced are not announced again", async () => {
    const thread = await createThread({
      actor: people.facilitator,
      planId,
      input: input({ body: "@bahrain, a question." }),
    });
    const target = { planId, threadId: thread.id };
    expect(Object.keys(await notificationsByName())).toEqual(["Bilal Bahrain"]);
    await editComment({
      actor: people.facilitator,
      target,
      commentId: thread.commentId,
      input: { body: "@bahrain, a question (typo fixed)." },
    });
    expect(await prisma.notification.count()).toBe(1);
    await editComment({
      actor: people.facilitator,
      target,
      commentId: thread.commentId,
      input: { body: "@bahrain and @ecuador, a question." },
    });
    expect(
      Object.fromEntries(Object.entries(await notificationsByName()).map(([name, list]) => [name, list.length])),
    ).toEqual({ "Bilal Bahrain": 1, "Eva Ecuador": 1, "Enzo Ecuador": 1 });
    // Taken out, then put back: already told, so not told again.
    await editComment({
      actor: people.facilitator,
      target,
      commentId: thread.commentId,
      input: { body: "A question." },
    });
    await editComment({
      actor: people.facilitator,
      target,
      commentId: thread.commentId,
      input: { body: "@bahrain, a question." },
    });
    expect(await prisma.notification.count()).toBe(3);
  });
});

describe("reading one's notifications", () => {
  it("lists only one's own, newest first, with the unread count", async () => {
    const thread = await createThread({
      actor: people.facilitator,
      planId,
      input: input({ body: "@ecuador @bahrain first." }),
    });
    await replyToThread({
      actor: people.facilitator2,
      target: { planId, threadId: thread.id },
      input: { body: "@ecuador second." },
    });
    const eva = await listNotifications({ viewer: people.ecuador });
    expect(eva.unread).toBe(2);
    expect(eva.items.map((n) => n.title)).toEqual([
      `Fred Facilitator (facilitator) mentioned your delegation in comment ${thread.number}`,
      `Fay Facilitator (facilitator) mentioned your delegation in comment ${thread.number}`,
    ]);
    const mine = await prisma.notification.findMany({ where: { userId: people.ecuador.id }, select: { id: true } });
    expect(eva.items.map((n) => n.id).sort()).toEqual(mine.map((n) => n.id).sort());
    expect(await listNotifications({ viewer: people.observer })).toEqual({ items: [], unread: 0 });
  });

  it("marks read only the viewer's own rows, by id or all", async () => {
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador @bahrain look." }) });
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador @bahrain look again." }) });
    const bilals = await prisma.notification.findMany({ where: { userId: people.bahrain.id } });
    const [evas1, evas2] = await prisma.notification.findMany({
      where: { userId: people.ecuador.id },
      orderBy: { createdAt: "asc" },
    });

    // Eva names Bilal's notifications and one of her own: only hers changes.
    const result = await markNotificationsRead({
      viewer: people.ecuador,
      input: ZMarkRead.parse({ ids: [...bilals.map((n) => n.id), evas1.id] }),
    });
    expect(result).toEqual({ marked: 1, unread: 1 });
    expect(await prisma.notification.count({ where: { userId: people.bahrain.id, readAt: null } })).toBe(2);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: evas2.id } })).readAt).toBeNull();

    // "All" is all of one's own, nobody else's.
    expect(await markNotificationsRead({ viewer: people.ecuador, input: { all: true } })).toEqual({
      marked: 1,
      unread: 0,
    });
    expect(await prisma.notification.count({ where: { userId: people.bahrain.id, readAt: null } })).toBe(2);
    expect(await prisma.notification.count({ where: { userId: people.ecuador2.id, readAt: null } })).toBe(2);
  });

  it("refuses a body with neither or both of ids and all, naming the field", () => {
    expect(ZMarkRead.safeParse({}).error?.issues[0].path).toEqual(["ids"]);
    expect(ZMarkRead.safeParse({ ids: [] }).error?.issues[0].path).toEqual(["ids"]);
    expect(ZMarkRead.safeParse({ all: false }).error?.issues[0].path).toEqual(["all"]);
    expect(ZMarkRead.safeParse({ ids: ["a"], all: true }).error?.issues[0].path).toEqual(["all"]);
    expect(ZMarkRead.safeParse({ id: "a" }).error?.issues[0].path).toEqual(["ids"]);
    expect(ZMarkRead.safeParse({ ids: ["a"] }).success).toBe(true);
  });
});

describe("the LISTEN hub", () => {
  it("delivers a committed notification to the subscribers of its recipients only, and nothing after unsubscribing", async () => {
    const heard = { eva: 0, bilal: 0 };
    const stopEva = await subscribeToNotifications({ userId: people.ecuador.id, onNews: () => heard.eva++ });
    const stopBilal = await subscribeToNotifications({ userId: people.bahrain.id, onNews: () => heard.bilal++ });
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador, live?" }) });
    await vi.waitFor(() => expect(heard.eva).toBe(1), { timeout: 5_000 });
    expect(heard.bilal).toBe(0);

    stopEva();
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador @bahrain, again?" }) });
    await vi.waitFor(() => expect(heard.bilal).toBe(1), { timeout: 5_000 });
    expect(heard.eva).toBe(1);
    stopBilal();
  });

  it("refuses a user more than MAX_STREAMS_PER_USER at once", async () => {
    const stops = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_USER }, () =>
        subscribeToNotifications({ userId: people.observer.id, onNews: () => {} }),
      ),
    );
    await expect(subscribeToNotifications({ userId: people.observer.id, onNews: () => {} })).rejects.toMatchObject({
      code: "rate_limited",
    });
    stops.pop()!();
    const again = await subscribeToNotifications({ userId: people.observer.id, onNews: () => {} });
    for (const stop of [...stops, again]) stop();
  });

  it("shares one connection per process, listens again after it drops, and then tells every subscriber to check", async () => {
    let heard = 0;
    const stop = await subscribeToNotifications({ userId: people.ecuador.id, onNews: () => heard++ });
    const stopOther = await subscribeToNotifications({ userId: people.bahrain.id, onNews: () => {} });
    const hubBackends = () =>
      prisma.$queryRaw<
        { pid: number }[]
      >`SELECT pid FROM pg_stat_activity WHERE application_name = 'gpa-live-hub' AND datname = current_database()`;
    expect(await hubBackends()).toHaveLength(1);

    await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gpa-live-hub' AND datname = current_database()`;
    // The re-LISTEN itself announces "check again", since notices may have been lost meanwhile.
    await vi.waitFor(() => expect(heard).toBe(1), { timeout: 10_000 });
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador, after the drop." }) });
    await vi.waitFor(() => expect(heard).toBe(2), { timeout: 5_000 });
    expect(await hubBackends()).toHaveLength(1);
    stop();
    stopOther();
  });
});

describe("the notification stream", () => {
  it("sends the unread count on connect and again on news, and unsubscribes when the client goes away", async () => {
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador, one." }) });
    const abort = new AbortController();
    const response = await openNotificationStream({ viewer: people.ecuador, signal: abort.signal });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended; got ${JSON.stringify(received)}`);
        received += value;
      }
    };
    await readUntil(/event: unread\ndata: \{"unread":1\}\n\n/);
    await createThread({ actor: people.facilitator, planId, input: input({ body: "@ecuador, two." }) });
    await readUntil(/data: \{"unread":2\}\n\n/);
    await markNotificationsRead({ viewer: people.ecuador, input: { all: true } });
    await readUntil(/data: \{"unread":0\}\n\n/);

    abort.abort();
    await expect(reader.read()).resolves.toMatchObject({ done: true });
  });

  it("ends when the user is disabled", async () => {
    const abort = new AbortController();
    const response = await openNotificationStream({ viewer: people.observer, signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    while (!received.includes('"unread":0')) received += (await reader.read()).value ?? "";
    await prisma.user.update({ where: { id: people.observer.id }, data: { disabledAt: new Date() } });
    // Any news makes the stream look at the user again.
    await prisma.$executeRaw`SELECT pg_notify('gpa_notifications', ${JSON.stringify({ userIds: [people.observer.id] })})`;
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
    await prisma.user.update({ where: { id: people.observer.id }, data: { disabledAt: null } });
    abort.abort();
  });
});

describe("plan activity (the live comments and amendments pages)", () => {
  const BOTH = ["threads", "amendments"] as const;
  /** Reads a stream's text until it matches, or fails naming what came. */
  const reading = (response: Response) => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    return {
      reader,
      until: async (pattern: RegExp) => {
        while (!pattern.test(received)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended; got ${JSON.stringify(received)}`);
          received += value;
        }
      },
      received: () => received,
    };
  };

  it("hears which section's threads and amendments changed, for its own plan only", async () => {
    const heard: unknown[] = [];
    const other: unknown[] = [];
    const stop = await subscribeToPlanActivity({
      planId,
      viewerId: people.observer.id,
      onNews: (activity) => heard.push(activity),
    });
    const stopOther = await subscribeToPlanActivity({
      planId: "another-plan",
      viewerId: people.observer.id,
      onNews: (activity) => other.push(activity),
    });
    const resources = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });

    await createThread({ actor: people.bahrain, planId, input: input({ body: "Bahrain comments." }) });
    await vi.waitFor(
      () => expect(heard).toEqual([{ kind: "threads", sectionId: resources.id, visibility: "everyone" }]),
      { timeout: 5_000 },
    );
    await proposeAmendment({
      actor: people.bahrain,
      planId,
      input: ZProposeAmendment.parse({
        sectionKey: "resources",
        blockId: "resources.should-8",
        kind: "delete",
        quote: { exact: "Map" },
        rationale: "Shorter.",
      }),
    });
    await vi.waitFor(() => expect(heard).toContainEqual({ kind: "amendments", sectionId: resources.id }), {
      timeout: 5_000,
    });
    expect(other).toEqual([]);

    stop();
    await createThread({ actor: people.bahrain, planId, input: input({ body: "Unheard." }) });
    await prisma.$executeRaw`SELECT pg_notify('gpa_collab', ${JSON.stringify({ type: "threads-changed", planId: "another-plan", sectionId: "s" })})`;
    await vi.waitFor(() => expect(other).toHaveLength(1), { timeout: 5_000 });
    expect(heard).toHaveLength(2);
    stopOther();
  });

  it("counts plan streams towards the user's MAX_STREAMS_PER_USER", async () => {
    const stops = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_USER - 1 }, () =>
        subscribeToPlanActivity({ planId, viewerId: people.ecuador2.id, onNews: () => {} }),
      ),
    );
    const bell = await subscribeToNotifications({ userId: people.ecuador2.id, onNews: () => {} });
    await expect(
      subscribeToPlanActivity({ planId, viewerId: people.ecuador2.id, onNews: () => {} }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    bell();
    bell(); // twice is once
    const again = await subscribeToPlanActivity({ planId, viewerId: people.ecuador2.id, onNews: () => {} });
    await expect(
      subscribeToPlanActivity({ planId, viewerId: people.ecuador2.id, onNews: () => {} }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    for (const stop of [...stops, again]) stop();
  });

  it("streams the section of each change, and ends when the client goes away", async () => {
    const abort = new AbortController();
    const response = await openPlanActivityStream({
      viewer: people.observer,
      planId,
      kinds: BOTH,
      signal: abort.signal,
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const stream = reading(response);
    await stream.until(/^retry: \d+\n\n/);
    const { id: threadId } = await createThread({
      actor: people.ecuador,
      planId,
      input: input({ body: "Ecuador comments." }),
    });
    const thread = await prisma.commentThread.findUniqueOrThrow({ where: { id: threadId } });
    await stream.until(new RegExp(`event: threads\\ndata: \\{"sectionId":"${thread.sectionId}"\\}\\n\\n`));
    // Only the section travels, never what was said.
    expect(stream.received()).not.toContain("Ecuador comments.");
    abort.abort();
    await expect(stream.reader.read()).resolves.toMatchObject({ done: true });
  });

  it("refuses a plan that does not exist, and ends when the viewer is disabled", async () => {
    await expect(
      openPlanActivityStream({
        viewer: people.observer,
        planId: "no-such-plan",
        kinds: BOTH,
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: "not_found" });

    const abort = new AbortController();
    const stream = reading(
      await openPlanActivityStream({ viewer: people.observer, planId, kinds: BOTH, signal: abort.signal }),
    );
    await stream.until(/^retry/);
    await prisma.user.update({ where: { id: people.observer.id }, data: { disabledAt: new Date() } });
    await createThread({ actor: people.ecuador, planId, input: input({ body: "Not for a disabled reader." }) });
    let done = false;
    while (!done) done = (await stream.reader.read()).done;
    expect(stream.received()).not.toContain("event: threads");
    await prisma.user.update({ where: { id: people.observer.id }, data: { disabledAt: null } });
    abort.abort();
  });
  it("never announces a facilitators-only thread to a viewer who may not see it, nor a kind the page did not ask for", async () => {
    const streams = {
      observer: await openPlanActivityStream({
        viewer: people.observer,
        planId,
        kinds: BOTH,
        signal: new AbortController().signal,
      }),
      facilitator: await openPlanActivityStream({
        viewer: people.facilitator2,
        planId,
        kinds: BOTH,
        signal: new AbortController().signal,
      }),
      amendmentsOnly: await openPlanActivityStream({
        viewer: people.facilitator2,
        planId,
        kinds: ["amendments"],
        signal: new AbortController().signal,
      }),
    };
    const readers = Object.fromEntries(Object.entries(streams).map(([name, response]) => [name, reading(response)]));
    await createThread({
      actor: people.facilitator,
      planId,
      input: input({ body: "Between facilitators.", visibility: "facilitators" }),
    });
    const resources = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    await readers.facilitator.until(new RegExp(`event: threads\\ndata: \\{"sectionId":"${resources.id}"\\}`));
    // Then a public change in another section, which every stream that lists threads hears: the private one came before it, or never.
    const timeframe = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "timeframe" } });
    await prisma.$executeRaw`SELECT pg_notify('gpa_collab', ${JSON.stringify({ type: "threads-changed", planId, sectionId: timeframe.id, visibility: "everyone" })})`;
    await readers.observer.until(new RegExp(`"sectionId":"${timeframe.id}"`));
    expect(readers.observer.received()).not.toContain(resources.id);
    await proposeAmendment({
      actor: people.bahrain,
      planId,
      input: ZProposeAmendment.parse({
        sectionKey: "resources",
        blockId: "resources.should-8",
        kind: "delete",
        quote: { exact: "Map" },
        rationale: "Shorter still.",
      }),
    });
    await readers.amendmentsOnly.until(/event: amendments\n/);
    expect(readers.amendmentsOnly.received()).not.toContain("event: threads");
    for (const reader of Object.values(readers)) await reader.reader.cancel();
  });

  it("folds a burst of changes into a few events, one per section at most each time it sends", async () => {
    const stream = reading(
      await openPlanActivityStream({
        viewer: people.observer,
        planId,
        kinds: BOTH,
        signal: new AbortController().signal,
      }),
    );
    await stream.until(/^retry/);
    const resources = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const notice = JSON.stringify({ type: "threads-changed", planId, sectionId: resources.id, visibility: "everyone" });
    await prisma.$transaction(
      Array.from({ length: 50 }, () => prisma.$executeRaw`SELECT pg_notify('gpa_collab', ${notice})`),
    );
    await stream.until(/event: threads\n/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.received().match(/event: threads\n/g)!.length).toBeLessThan(5);
    await stream.reader.cancel();
  });
});
