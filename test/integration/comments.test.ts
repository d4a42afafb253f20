/** Comment threads against a real PostgreSQL: attribution, numbering, visibility, the 15-minute edit window, tombstones, resolving and mentions. */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createThread } from "@/lib/comments/create-thread";
import { listThreads } from "@/lib/comments/list-threads";
import { ZCreateThread } from "@/lib/comments/schemas";
import type { TCreateThread } from "@/lib/comments/schemas";
import { setThreadStatus } from "@/lib/comments/set-thread-status";
import { deleteComment, editComment, replyToThread } from "@/lib/comments/write-comment";
import { getPrisma } from "@/lib/db";
import { resetPlan } from "@/lib/plan/reset-plan";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
let planId: string;
const people = {} as Record<"facilitator" | "ecuador" | "bahrain" | "observer", CurrentUser>;

const input = (overrides: Partial<TCreateThread> = {}): TCreateThread =>
  ZCreateThread.parse({
    sectionKey: "resources",
    blockId: "resources.should-8",
    quote: { exact: "Map the resources required" },
    stance: "support",
    body: "We support this.",
    ...overrides,
  });

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  people.facilitator = await createUser({ role: "facilitator" });
  people.ecuador = await createUser({ role: "delegate", delegationName: "Ecuador" });
  people.bahrain = await createUser({ role: "delegate", delegationName: "Bahrain" });
  people.observer = await createUser({ role: "observer" });
});

describe("opening a thread", () => {
  it("attributes it to the delegate's delegation, numbers it per plan, records mentions and audits it", async () => {
    const first = await createThread({
      actor: people.ecuador,
      planId,
      input: input({ body: "Ecuador supports this; @bahrain, do you agree?" }),
    });
    const second = await createThread({
      actor: people.facilitator,
      planId,
      input: input({ stance: "question", body: "Which resources?" }),
    });
    expect([first.number, second.number]).toEqual([second.number - 1, second.number]);
    const thread = await prisma.commentThread.findUniqueOrThrow({
      where: { id: first.id },
      include: { delegation: true, comments: { include: { mentions: true } } },
    });
    expect(thread).toMatchObject({
      stance: "support",
      visibility: "everyone",
      status: "open",
      delegation: { name: "Ecuador" },
      quoteExact: "Map the resources required",
    });
    const bahrain = await prisma.delegation.findFirstOrThrow({ where: { name: "Bahrain" } });
    expect(thread.comments[0].mentions).toEqual([expect.objectContaining({ delegationId: bahrain.id, userId: null })]);
    expect(
      await prisma.auditLog.count({
        where: { action: "comment.thread_create", resourceId: first.id, userId: people.ecuador.id },
      }),
    ).toBe(1);
  });

  it("refuses an observer, and a delegate's facilitators-only thread, writing nothing", async () => {
    const before = await prisma.commentThread.count();
    await expect(createThread({ actor: people.observer, planId, input: input() })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      createThread({ actor: people.ecuador, planId, input: input({ visibility: "facilitators" }) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.commentThread.count()).toBe(before);
  });

  it("stores markup as plain text and refuses empty bodies and hidden characters", async () => {
    const body = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { commentId } = await createThread({ actor: people.ecuador, planId, input: input({ body }) });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe(body);
    expect(ZCreateThread.safeParse({ ...input(), body: "   " }).success).toBe(false);
    expect(ZCreateThread.safeParse({ ...input(), body: "a\u202eb" }).success).toBe(false);
  });
});

describe("facilitators-only threads", () => {
  it("are never listed for delegates or observers, and are 'not found' to them on every route", async () => {
    const hidden = await createThread({
      actor: people.facilitator,
      planId,
      input: input({ visibility: "facilitators", body: "Internal note." }),
    });
    const target = { planId, threadId: hidden.id };
    for (const viewer of [people.ecuador, people.observer]) {
      expect((await listThreads({ viewer, planId })).map((t) => t.id)).not.toContain(hidden.id);
    }
    expect((await listThreads({ viewer: people.facilitator, planId })).map((t) => t.id)).toContain(hidden.id);
    await expect(replyToThread({ actor: people.ecuador, target, input: { body: "peek" } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      setThreadStatus({ actor: people.ecuador, target, input: { status: "resolved" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      editComment({ actor: people.ecuador, target, commentId: hidden.commentId, input: { body: "x" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("replies, edits and deletions", () => {
  it("lets an author edit within 15 minutes only, and nobody else's comment", async () => {
    const thread = await createThread({ actor: people.ecuador, planId, input: input() });
    const target = { planId, threadId: thread.id };
    await editComment({
      actor: people.ecuador,
      target,
      commentId: thread.commentId,
      input: { body: "We strongly support this." },
    });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: thread.commentId } })).editedAt).not.toBeNull();
    const later = new Date(Date.now() + 16 * 60_000);
    await expect(
      editComment({
        actor: people.ecuador,
        target,
        commentId: thread.commentId,
        input: { body: "too late" },
        now: later,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      editComment({ actor: people.bahrain, target, commentId: thread.commentId, input: { body: "hijack" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: thread.commentId } })).body).toBe(
      "We strongly support this.",
    );
  });

  it("leaves a tombstone when a comment is deleted, so the replies stay", async () => {
    const thread = await createThread({ actor: people.ecuador, planId, input: input() });
    const target = { planId, threadId: thread.id };
    await replyToThread({ actor: people.bahrain, target, input: { body: "Bahrain agrees." } });
    await expect(deleteComment({ actor: people.bahrain, target, commentId: thread.commentId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await deleteComment({ actor: people.ecuador, target, commentId: thread.commentId });
    const listed = (await listThreads({ viewer: people.observer, planId })).find((t) => t.id === thread.id)!;
    expect(listed.comments.map((c) => [c.isDeleted, c.body, c.delegation?.name])).toEqual([
      [true, null, "Ecuador"],
      [false, "Bahrain agrees.", "Bahrain"],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "comment.delete", resourceId: thread.commentId } })).toBe(1);
  });
});

describe("a plan reset", () => {
  it("keeps every comment thread, moved to the new section of the same key and waiting to be anchored again", async () => {
    const thread = await createThread({
      actor: people.ecuador,
      planId,
      input: input({ body: "Kept through a reset." }),
    });
    const before = await prisma.commentThread.count({ where: { planId } });
    const admin = await createUser({ role: "admin" });
    await resetPlan({ actor: admin, planId });
    expect(await prisma.commentThread.count({ where: { planId } })).toBe(before);
    const listed = (await listThreads({ viewer: people.facilitator, planId })).find((t) => t.id === thread.id)!;
    expect(listed).toMatchObject({
      section: { key: "resources" },
      anchor: "pending",
      quote: { exact: "Map the resources required" },
    });
    expect(listed.comments[0].body).toBe("Kept through a reset.");
    expect(await prisma.planSection.count({ where: { planId, key: { contains: ":replaced:" } } })).toBe(0);
  });
});

describe("resolving and reopening", () => {
  it("is for facilitators and the delegation that opened the thread", async () => {
    const thread = await createThread({ actor: people.ecuador, planId, input: input() });
    const target = { planId, threadId: thread.id };
    await expect(
      setThreadStatus({ actor: people.bahrain, target, input: { status: "resolved" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setThreadStatus({ actor: people.observer, target, input: { status: "resolved" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await setThreadStatus({ actor: people.ecuador, target, input: { status: "resolved" } });
    expect(await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      status: "resolved",
      resolvedById: people.ecuador.id,
    });
    await setThreadStatus({ actor: people.facilitator, target, input: { status: "open" } });
    expect(await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      status: "open",
      resolvedById: null,
    });
    expect(
      await prisma.auditLog.count({
        where: { resourceId: thread.id, action: { in: ["comment.resolve", "comment.reopen"] } },
      }),
    ).toBe(2);
  });

  it("shares one read among requests arriving together, and never answers a request with a read older than it", async () => {
    const [a, b] = await Promise.all([
      listThreads({ viewer: people.observer, planId }),
      listThreads({ viewer: people.ecuador, planId }),
    ]);
    // One query's rows, each viewer's own abilities on them.
    expect(a.map((t) => t.comments)).toEqual(b.map((t) => t.comments));
    a.forEach((thread, i) => expect(thread.comments).toBe(b[i].comments));
    expect(a.map((t) => t.abilities.reply)).not.toEqual(b.map((t) => t.abilities.reply));
    const before = listThreads({ viewer: people.observer, planId });
    // Past the batch window, so `before`'s query has started: a read arriving now must not join it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const created = await createThread({ actor: people.ecuador, planId, input: input({ body: "Just now." }) });
    const after = await listThreads({ viewer: people.observer, planId });
    expect(after.map((t) => t.id)).toContain(created.id);
    expect((await before)[0].comments).not.toBe(after[0].comments);
    // Facilitators' reads are never shared with other roles'.
    const [forFacilitator, forObserver] = await Promise.all([
      listThreads({ viewer: people.facilitator, planId }),
      listThreads({ viewer: people.observer, planId }),
    ]);
    expect(forFacilitator[0].comments).not.toBe(forObserver[0].comments);
  });

  it("filters the list by status, delegation, stance and section", async () => {
    const ecuador = await prisma.delegation.findFirstOrThrow({ where: { name: "Ecuador" } });
    const byEcuador = await listThreads({
      viewer: people.facilitator,
      planId,
      filter: { delegationId: ecuador.id, stance: "support", sectionKey: "resources" },
    });
    expect(byEcuador.length).toBeGreaterThan(0);
    expect(
      byEcuador.every(
        (t) => t.delegation?.id === ecuador.id && t.stance === "support" && t.section.key === "resources",
      ),
    ).toBe(true);
    expect(await listThreads({ viewer: people.facilitator, planId, filter: { sectionKey: "timeframe" } })).toEqual([]);
  });
});
