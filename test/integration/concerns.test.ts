/** The concern register against a real PostgreSQL: ensuring the dialogue's concerns, marking comments, addressing (link + notification), noting, reopening, visibility and all-or-nothing writes. */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addressConcern } from "@/lib/concerns/address-concern";
import { ensureConcernRegister } from "@/lib/concerns/ensure-concern-register";
import { listConcerns } from "@/lib/concerns/list-concerns";
import { markThreadAsConcern } from "@/lib/concerns/mark-thread-as-concern";
import { noteConcern } from "@/lib/concerns/note-concern";
import { reopenConcern } from "@/lib/concerns/reopen-concern";
import { ZNoteConcern } from "@/lib/concerns/schemas";
import { createThread } from "@/lib/comments/create-thread";
import { ZCreateThread } from "@/lib/comments/schemas";
import type { TCreateThread } from "@/lib/comments/schemas";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { resetPlan } from "@/lib/plan/reset-plan";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();
let planId: string;
const people = {} as Record<"admin" | "facilitator" | "ecuador" | "ecuador2" | "bahrain" | "observer", CurrentUser>;

const threadInput = (overrides: Partial<TCreateThread> = {}): TCreateThread =>
  ZCreateThread.parse({
    sectionKey: "resources",
    blockId: "resources.should-8",
    quote: { exact: "Map the resources required" },
    stance: "oppose",
    body: "This would divert resources from UNTOC.",
    ...overrides,
  });

/** A passage of a section's saved text that is not the one given. */
async function passageOf(sectionKey: string, index = 1) {
  const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: sectionKey } });
  const blocks = readPassages(section.content as JSONContent);
  return { section, block: blocks[index] };
}

/** Row counts of everything a concern write touches. */
async function snapshot() {
  const [concerns, links, audits, notifications] = await Promise.all([
    prisma.concern.findMany({ where: { planId }, orderBy: { number: "asc" } }),
    prisma.provenanceLink.count({ where: { planId } }),
    prisma.auditLog.count(),
    prisma.notification.count(),
  ]);
  return { concerns, links, audits, notifications };
}

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  people.admin = await createUser({ role: "admin" });
  people.facilitator = await createUser({ role: "facilitator" });
  people.ecuador = await createUser({ role: "delegate", delegationName: "Ecuador" });
  people.ecuador2 = await createUser({ role: "delegate", delegationName: "Ecuador" });
  people.bahrain = await createUser({ role: "delegate", delegationName: "Bahrain" });
  people.observer = await createUser({ role: "observer" });
});

describe("the dialogue's concerns on the register", () => {
  it("are put there by seeding, numbered 1…3 in the summary's order, all raised, each with where it is to be answered", async () => {
    const items = await prisma.summaryItem.findMany({
      where: { dialogueId: SEED_DIALOGUE_ID, list: "concerns" },
      orderBy: { position: "asc" },
    });
    expect(items).toHaveLength(3);
    const concerns = await prisma.concern.findMany({ where: { planId }, orderBy: { number: "asc" } });
    expect(concerns.map((c) => [c.number, c.origin, c.summaryItemId, c.text, c.delegationId])).toEqual(
      items.map((item, i) => [i + 1, "dialogue", item.id, item.text, null]),
    );
    // The seed links each from the section that must answer it, without restating it; that leaves it raised.
    const seededLinks = await prisma.provenanceLink.count({
      where: { planId, summaryItemId: { in: items.map((item) => item.id) }, relation: "responds_to_concern" },
    });
    expect(seededLinks).toBeGreaterThan(0);
    expect(concerns.map((c) => [c.status, c.answerBlockId, c.decidedById])).toEqual(
      concerns.map(() => ["raised", null, null]),
    );
    // The register says where each is to be answered: the sections seeding linked to it.
    const listed = await listConcerns({ viewer: people.observer, planId });
    expect(listed.every((c) => c.answerIn.length > 0)).toBe(true);
    expect(listed[0].answerIn).toContainEqual({
      key: "existing-instruments",
      title: "Relation to existing instruments",
      href: `/plans/${planId}#existing-instruments`,
    });
  });

  it("are ensured idempotently, and for a plan seeded before the register existed on first read", async () => {
    const before = await snapshot();
    expect(await ensureConcernRegister({ planId })).toEqual({ created: [], repaired: [] });
    await listConcerns({ viewer: people.observer, planId });
    expect(await snapshot()).toEqual(before);

    // A plan from before the register: no rows. Reading the register writes them, once.
    const ensured = () => prisma.auditLog.count({ where: { action: "concern.register_ensure", resourceId: planId } });
    const ensuredBefore = await ensured();
    await prisma.concern.deleteMany({ where: { planId } });
    const listed = await listConcerns({ viewer: people.observer, planId });
    expect(listed.map((c) => [c.number, c.status, c.answer?.blockId ?? null])).toEqual(
      before.concerns.map((c) => [c.number, c.status, c.answerBlockId]),
    );
    expect(listed[0].source).toMatchObject({
      type: "dialogue",
      key: "concerns-1",
      href: `/dialogues/${SEED_DIALOGUE_ID}#concerns-1`,
    });
    expect(await ensured()).toBe(ensuredBefore + 1);
    await Promise.all([listConcerns({ viewer: people.observer, planId }), ensureConcernRegister({ planId })]);
    expect(await prisma.concern.count({ where: { planId } })).toBe(3);
    expect(await ensured()).toBe(ensuredBefore + 1);
    await expect(listConcerns({ viewer: people.facilitator, planId: "no-such-plan" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("marking a comment as a concern", () => {
  it("puts the thread on the register under the next number, for its delegation, audited; only once", async () => {
    const thread = await createThread({ actor: people.ecuador, planId, input: threadInput() });
    const concern = await markThreadAsConcern({ actor: people.facilitator, planId, input: { threadId: thread.id } });
    expect(concern).toMatchObject({ number: 4, status: "raised" });
    const stored = await prisma.concern.findUniqueOrThrow({ where: { id: concern.id }, include: { delegation: true } });
    expect(stored).toMatchObject({
      origin: "comment",
      threadId: thread.id,
      text: "This would divert resources from UNTOC.",
      delegation: { name: "Ecuador" },
      createdById: people.facilitator.id,
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "concern.raise", resourceId: concern.id, userId: people.facilitator.id },
      }),
    ).toBe(1);
    await expect(
      markThreadAsConcern({ actor: people.admin, planId, input: { threadId: thread.id } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const listed = await listConcerns({ viewer: people.bahrain, planId, filter: { origin: "comment" } });
    expect(listed.map((c) => [c.number, c.delegation?.name, c.source.type])).toEqual([[4, "Ecuador", "comment"]]);
  });

  it("is refused to delegates and observers (403), writing nothing", async () => {
    const thread = await createThread({
      actor: people.ecuador,
      planId,
      input: threadInput({ body: "Ecuador again." }),
    });
    const before = await snapshot();
    for (const actor of [people.ecuador, people.observer]) {
      await expect(markThreadAsConcern({ actor, planId, input: { threadId: thread.id } })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps a facilitators-only thread's concern from delegates and observers", async () => {
    const hidden = await createThread({
      actor: people.facilitator,
      planId,
      input: threadInput({ visibility: "facilitators", body: "Internal: Bahrain may object." }),
    });
    const concern = await markThreadAsConcern({ actor: people.facilitator, planId, input: { threadId: hidden.id } });
    for (const viewer of [people.ecuador, people.observer]) {
      expect((await listConcerns({ viewer, planId })).map((c) => c.id)).not.toContain(concern.id);
      expect(
        (await listConcerns({ viewer, planId, filter: { status: "raised", origin: "comment" } })).map((c) => c.id),
      ).not.toContain(concern.id);
    }
    expect((await listConcerns({ viewer: people.facilitator, planId })).map((c) => c.id)).toContain(concern.id);
    // Even addressed, nobody outside the facilitators hears of it.
    const { section, block } = await passageOf("resources");
    const notifications = await prisma.notification.count();
    await addressConcern({
      actor: people.admin,
      planId,
      concernId: concern.id,
      input: { sectionKey: section.key, blockId: block.blockId },
    });
    expect(await prisma.notification.count()).toBe(notifications);
  });
});

describe("addressing a concern", () => {
  it("records the passage, notifies the raising delegation's members (not the actor), audited", async () => {
    const thread = await createThread({
      actor: people.ecuador,
      planId,
      input: threadInput({ body: "Reconcile with regional plans." }),
    });
    const concern = await markThreadAsConcern({ actor: people.facilitator, planId, input: { threadId: thread.id } });
    const { section, block } = await passageOf("resources");
    const result = await addressConcern({
      actor: people.facilitator,
      planId,
      concernId: concern.id,
      input: { sectionKey: section.key, blockId: block.blockId },
    });
    expect(result).toMatchObject({ status: "addressed", linkId: null });
    const stored = await prisma.concern.findUniqueOrThrow({ where: { id: concern.id } });
    expect(stored).toMatchObject({
      status: "addressed",
      answerSectionId: section.id,
      answerBlockId: block.blockId,
      answerQuote: block.text,
      decidedById: people.facilitator.id,
    });
    const notifications = await prisma.notification.findMany({
      where: { resourceType: "concern", resourceId: concern.id },
    });
    expect(notifications.map((n) => n.userId).sort()).toEqual([people.ecuador.id, people.ecuador2.id].sort());
    expect(notifications[0]).toMatchObject({
      kind: "concern_addressed",
      planId,
      actorId: people.facilitator.id,
      href: `/plans/${planId}/concerns#concern-${concern.number}`,
    });
    expect(await prisma.auditLog.count({ where: { action: "concern.address", resourceId: concern.id } })).toBe(1);
    const listed = (await listConcerns({ viewer: people.observer, planId, filter: { status: "addressed" } })).find(
      (c) => c.id === concern.id,
    );
    expect(listed?.answer).toMatchObject({
      section: { key: "resources" },
      blockId: block.blockId,
      href: `/plans/${planId}#passage-${block.blockId}`,
      isMissing: false,
    });
  });

  it("creates or confirms the responds_to_concern link for a dialogue concern", async () => {
    const concern = await prisma.concern.findFirstOrThrow({
      where: { planId, number: 2 },
      include: { summaryItem: true },
    });
    const { section, block } = await passageOf("situational-analysis", 0);
    const key = {
      sectionId: section.id,
      blockId: block.blockId,
      targetKey: `summary-item:${concern.summaryItemId}`,
      relation: "responds_to_concern" as const,
    };
    // A rejected suggestion for that very passage is turned into the confirmed answer.
    await prisma.provenanceLink.deleteMany({ where: key });
    await prisma.provenanceLink.create({
      data: { planId, ...key, targetType: "summary_item", summaryItemId: concern.summaryItemId, status: "rejected" },
    });
    const result = await addressConcern({
      actor: people.facilitator,
      planId,
      concernId: concern.id,
      input: { sectionKey: section.key, blockId: block.blockId },
    });
    const link = await prisma.provenanceLink.findUniqueOrThrow({
      where: { sectionId_blockId_targetKey_relation: key },
    });
    expect(link).toMatchObject({
      id: result.linkId,
      status: "confirmed",
      confirmedById: people.facilitator.id,
      quoteExact: block.text,
    });
    expect(link.fingerprint).toBeTruthy();
    expect((await prisma.concern.findUniqueOrThrow({ where: { id: concern.id } })).answerLinkId).toBe(link.id);
    expect(await prisma.auditLog.count({ where: { action: "provenance.confirm", resourceId: link.id } })).toBe(1);
    // Dialogue concerns have no raising delegation, so nobody is notified.
    expect(await prisma.notification.count({ where: { resourceId: concern.id } })).toBe(0);
    // Addressing it again with the same passage changes nothing.
    const before = await snapshot();
    await addressConcern({
      actor: people.facilitator,
      planId,
      concernId: concern.id,
      input: { sectionKey: section.key, blockId: block.blockId },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a passage that is not in the section's current text (400 on blockId) or an unknown section, writing nothing", async () => {
    const concern = await prisma.concern.findFirstOrThrow({ where: { planId, number: 3 } });
    const before = await snapshot();
    await expect(
      addressConcern({
        actor: people.facilitator,
        planId,
        concernId: concern.id,
        input: { sectionKey: "resources", blockId: "resources.no-such-block" },
      }),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "blockId" } });
    await expect(
      addressConcern({
        actor: people.facilitator,
        planId,
        concernId: concern.id,
        input: { sectionKey: "no-such-section", blockId: "x" },
      }),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "sectionKey" } });
    await expect(
      addressConcern({
        actor: people.ecuador,
        planId,
        concernId: concern.id,
        input: { sectionKey: "resources", blockId: "resources.should-8" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      addressConcern({
        actor: people.facilitator,
        planId,
        concernId: "no-such-concern",
        input: { sectionKey: "resources", blockId: "resources.should-8" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("writes nothing at all when a step after the link fails (one transaction)", async () => {
    const concern = await prisma.concern.findFirstOrThrow({ where: { planId, number: 3 } });
    const { section, block } = await passageOf("monitoring-and-review", 0);
    const before = await snapshot();
    // A real failure inside PostgreSQL, after the link is written: the concern's own update is refused.
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION concern_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER concern_test_refuse BEFORE UPDATE ON "Concern" FOR EACH ROW EXECUTE FUNCTION concern_test_refuse()`,
    );
    try {
      await expect(
        addressConcern({
          actor: people.facilitator,
          planId,
          concernId: concern.id,
          input: { sectionKey: section.key, blockId: block.blockId },
        }),
      ).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER concern_test_refuse ON "Concern"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION concern_test_refuse()`);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("noting and reopening", () => {
  it("a note needs a reason: refused by the schema and by the database", async () => {
    expect(ZNoteConcern.safeParse({ reason: "   " }).success).toBe(false);
    expect(ZNoteConcern.safeParse({}).success).toBe(false);
    const concern = await prisma.concern.findFirstOrThrow({ where: { planId, number: 3 } });
    await expect(
      prisma.concern.update({ where: { id: concern.id }, data: { status: "noted", noteReason: null } }),
    ).rejects.toThrow();
  });

  it("notes with a reason, clearing the answer; reopens to raised; both audited; delegates may do neither", async () => {
    const concern = await prisma.concern.findFirstOrThrow({
      where: { planId, status: "addressed", origin: "dialogue" },
    });
    const before = await snapshot();
    await expect(
      noteConcern({ actor: people.ecuador, planId, concernId: concern.id, input: { reason: "Nope." } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(reopenConcern({ actor: people.observer, planId, concernId: concern.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await snapshot()).toEqual(before);

    await noteConcern({
      actor: people.facilitator,
      planId,
      concernId: concern.id,
      input: { reason: "Answered by the Secretary-General's report instead." },
    });
    expect(await prisma.concern.findUniqueOrThrow({ where: { id: concern.id } })).toMatchObject({
      status: "noted",
      noteReason: "Answered by the Secretary-General's report instead.",
      answerSectionId: null,
      answerBlockId: null,
      answerLinkId: null,
      decidedById: people.facilitator.id,
    });
    const listed = (await listConcerns({ viewer: people.ecuador, planId, filter: { status: "noted" } })).map((c) => [
      c.id,
      c.noteReason,
    ]);
    expect(listed).toContainEqual([concern.id, "Answered by the Secretary-General's report instead."]);

    await reopenConcern({ actor: people.admin, planId, concernId: concern.id });
    expect(await prisma.concern.findUniqueOrThrow({ where: { id: concern.id } })).toMatchObject({
      status: "raised",
      noteReason: null,
      decidedById: people.admin.id,
    });
    expect(
      await prisma.auditLog.findMany({
        where: { resourceId: concern.id, action: { in: ["concern.note", "concern.reopen"] } },
        orderBy: { createdAt: "asc" },
        select: { action: true },
      }),
    ).toEqual([{ action: "concern.note" }, { action: "concern.reopen" }]);
  });
});

describe("resetting the plan", () => {
  it("keeps the register: a comment concern's lost answer goes back to raised, dialogue concerns follow the new seeded passages", async () => {
    const addressedComment = await prisma.concern.findFirstOrThrow({
      where: { planId, origin: "comment", status: "addressed", thread: { visibility: "everyone" } },
    });
    const count = await prisma.concern.count({ where: { planId } });
    await resetPlan({ actor: people.admin, planId });
    expect(await prisma.concern.count({ where: { planId } })).toBe(count);
    expect(await prisma.concern.findUniqueOrThrow({ where: { id: addressedComment.id } })).toMatchObject({
      status: "raised",
      answerSectionId: null,
      answerBlockId: null,
    });
    for (const concern of await prisma.concern.findMany({ where: { planId, status: "addressed" } })) {
      expect(concern.answerSectionId).not.toBeNull();
      const section = await prisma.planSection.findUniqueOrThrow({ where: { id: concern.answerSectionId! } });
      expect(readPassages(section.content as JSONContent).map((b) => b.blockId)).toContain(concern.answerBlockId);
    }
  });
});
