/**
 * Comment anchors: the collaboration server hears of a new thread through
 * LISTEN/NOTIFY and marks its quote in the live document; the mark survives
 * concurrent edits before and inside it; a deleted range leaves a detached
 * thread that keeps its quote.
 */
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/auth/policies";
import { signCollabToken } from "@/lib/collab/token";
import { TEST_AUTH_SECRET } from "@/test/support/accounts";
import { ANCHOR_CLAIM_LEASE_MS, anchorThread } from "@/lib/collab/anchor-threads";
import type { CollabServer } from "@/lib/collab/server";
import { createThread } from "@/lib/comments/create-thread";
import { replyToThread } from "@/lib/comments/write-comment";
import { listThreads } from "@/lib/comments/list-threads";
import { ZCreateThread } from "@/lib/comments/schemas";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { resetPlan } from "@/lib/plan/reset-plan";
import { blockTextIn, connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { createPlan, createUser } from "@/test/support/factories";

const prisma = getPrisma();
let planId: string;
let sectionId: string;
let server: CollabServer;
let delegate: CurrentUser;
let editor: TestClient;

const QUOTE = "resources required";

async function anchorOf(threadId: string) {
  return (await listThreads({ viewer: delegate, planId })).find((t) => t.id === threadId)!.anchor;
}

/** The text of the "Map the resources required…" list item in a client's document. */
function itemText(doc: Y.Doc): Y.XmlText {
  return blockTextIn(doc, "resources.should-8");
}

/** The text under each thread's mark, in a client's document. */
function markedText(doc: Y.Doc, threadId: string): string {
  const delta = itemText(doc).toDelta() as { insert: string; attributes?: { comment?: { threadIds: string } } }[];
  return delta
    .filter((op) => op.attributes?.comment?.threadIds.split(" ").includes(threadId))
    .map((op) => op.insert)
    .join("");
}

/** The editor's user, as lib functions take a viewer. */
let editorViewer: Actor;

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  sectionId = (await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } })).id;
  delegate = await createUser({ role: "delegate", delegationName: "Ecuador", name: "Ecuador" });
  server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
  const facilitator = await createTestUser("facilitator");
  editorViewer = { id: facilitator.id, role: "facilitator", delegationId: null };
  editor = connectClient({ port: server.port, planId, sectionId, token: facilitator.token });
  await editor.synced;
});
afterAll(async () => {
  editor?.close();
  await server?.stop();
});

/** Makes the server's next direct connection fail, as it would if the document could not be loaded; counts the tries. */
function failFirstDirectConnection() {
  const { hocuspocus } = server;
  const original = hocuspocus.openDirectConnection.bind(hocuspocus);
  let calls = 0;
  hocuspocus.openDirectConnection = ((...args: Parameters<typeof original>) => {
    calls++;
    return calls === 1 ? Promise.reject(new Error("injected: the document could not be opened")) : original(...args);
  }) as typeof hocuspocus.openDirectConnection;
  return { calls: () => calls, restore: () => void (hocuspocus.openDirectConnection = original) };
}

function open(quote = QUOTE, body = "Ecuador comments.") {
  return createThread({
    actor: delegate,
    planId,
    input: ZCreateThread.parse({
      sectionKey: "resources",
      blockId: "resources.should-8",
      quote: { exact: quote },
      stance: "question",
      body,
    }),
  });
}

describe("live announcements", () => {
  type Pushed = {
    type: string;
    threads?: {
      id: string;
      visibility: string;
      comments: { body: string | null }[];
      abilities: Record<string, boolean>;
    }[];
  };
  const listen = (client: TestClient) => {
    const heard: { notice: Pushed; at: number }[] = [];
    client.provider.on("stateless", ({ payload }: { payload: string }) =>
      heard.push({ notice: JSON.parse(payload) as Pushed, at: Date.now() }),
    );
    return heard;
  };

  it("pushes the section's threads to its editors within a second of a reply, so no page has to fetch them", async () => {
    const heard = listen(editor);
    const thread = await open("resources", "Opening.");
    await waitFor(() => heard.length > 0, "the editor hears of the new thread", 1000);
    heard.length = 0;
    const sent = Date.now();
    await replyToThread({ actor: delegate, target: { planId, threadId: thread.id }, input: { body: "A reply." } });
    await waitFor(() => heard.length > 0, "the editor hears of the reply", 1000);
    expect(heard[0].at - sent).toBeLessThan(1000);
    expect(heard[0].notice.type).toBe("threads-changed");
    const pushed = heard[0].notice.threads!.find((t) => t.id === thread.id)!;
    expect(pushed.comments.map((c) => c.body)).toEqual(["Opening.", "A reply."]);
    // Exactly what the HTTP route would give this editor, abilities included.
    expect(heard[0].notice.threads).toEqual(
      JSON.parse(
        JSON.stringify(await listThreads({ viewer: editorViewer, planId, filter: { sectionKey: "resources" } })),
      ),
    );
  });

  it("pushes each delegation its own abilities: the one that opened a thread may resolve it, another may not", async () => {
    const connectDelegate = async (delegationName: { equals: string } | { not: string }) => {
      const delegation = await prisma.delegation.findFirstOrThrow({ where: { name: delegationName } });
      const user = await prisma.user.create({
        data: {
          email: `d-${crypto.randomUUID()}@test.local`,
          name: "D",
          role: "delegate",
          passwordHash: "x",
          delegationId: delegation.id,
        },
      });
      return connectClient({
        port: server.port,
        planId,
        sectionId,
        token: signCollabToken({ userId: user.id, secret: TEST_AUTH_SECRET }).token,
      });
    };
    const [sameDelegation, otherDelegation] = await Promise.all([
      connectDelegate({ equals: "Ecuador" }),
      connectDelegate({ not: "Ecuador" }),
    ]);
    try {
      await Promise.all([sameDelegation.synced, otherDelegation.synced]);
      const [heardBySame, heardByOther, heardByEditor] = [
        listen(sameDelegation),
        listen(otherDelegation),
        listen(editor),
      ];
      const thread = await open("resources", "Whose is it?");
      await waitFor(
        () => heardBySame.length > 0 && heardByOther.length > 0 && heardByEditor.length > 0,
        "everyone hears of the thread",
        1000,
      );
      const abilitiesIn = (heard: typeof heardBySame) =>
        heard[0].notice.threads!.find((t) => t.id === thread.id)!.abilities;
      expect(abilitiesIn(heardBySame)).toMatchObject({ reply: true, setStatus: true, markConcern: false });
      expect(abilitiesIn(heardByOther)).toMatchObject({ reply: true, setStatus: false, markConcern: false });
      expect(abilitiesIn(heardByEditor)).toMatchObject({ reply: true, setStatus: true, markConcern: true });
      // Their own comments, and anyone's: the same for every viewer of a role, so a shared push carries them.
      expect(abilitiesIn(heardByOther)).toMatchObject({ editOwnComments: true, deleteAnyComment: false });
      expect(abilitiesIn(heardByEditor)).toMatchObject({ editOwnComments: true, deleteAnyComment: true });
    } finally {
      sameDelegation.close();
      otherDelegation.close();
    }
  });

  it("pushes a facilitators-only thread to facilitators' connections only", async () => {
    const observer = connectClient({
      port: server.port,
      planId,
      sectionId,
      token: (await createTestUser("observer")).token,
    });
    try {
      await observer.synced;
      const [byEditor, byObserver] = [listen(editor), listen(observer)];
      const facilitator = await prisma.user.create({
        data: { email: "facilitator-push@test.local", name: "Fatima", role: "facilitator", passwordHash: "x" },
      });
      const hidden = await createThread({
        actor: { ...facilitator, delegation: null },
        planId,
        input: ZCreateThread.parse({
          sectionKey: "resources",
          blockId: "resources.should-8",
          quote: { exact: "resources" },
          stance: "neutral",
          visibility: "facilitators",
          body: "Between facilitators.",
        }),
      });
      await waitFor(
        () => byEditor.some(({ notice }) => notice.threads?.some((t) => t.id === hidden.id)),
        "the facilitator's connection gets the thread",
      );
      await waitFor(() => byObserver.length > 0, "the observer's connection hears of the change");
      expect(byObserver.flatMap(({ notice }) => notice.threads ?? []).map((t) => t.id)).not.toContain(hidden.id);
      expect(byObserver.flatMap(({ notice }) => notice.threads ?? []).every((t) => t.visibility === "everyone")).toBe(
        true,
      );
    } finally {
      observer.close();
    }
  });
});

describe("anchoring a new thread", () => {
  it("marks the quoted text live in every editor, then in PostgreSQL", async () => {
    const thread = await open();
    await waitFor(() => markedText(editor.doc, thread.id) === QUOTE, "the editor receives the mark");
    await server.flush();
    await waitFor(async () => (await anchorOf(thread.id)) === "anchored", "the stored text carries the mark");
  });

  it("keeps overlapping threads apart", async () => {
    const first = await open("the resources");
    const second = await open("resources required and how");
    await waitFor(
      () =>
        markedText(editor.doc, second.id) === "resources required and how" &&
        markedText(editor.doc, first.id) === "the resources",
      "both marks are placed",
    );
  });

  it("survives concurrent edits before and inside the range", async () => {
    const thread = await open("how they may be mobilized");
    await waitFor(() => markedText(editor.doc, thread.id) === "how they may be mobilized", "the mark is placed");
    const text = itemText(editor.doc);
    text.insert(0, "First, ");
    const plain = (text.toDelta() as { insert: string }[]).map((op) => op.insert).join("");
    text.insert(plain.indexOf("may be"), "quickly ");
    await editor.settled();
    await server.flush();
    expect(markedText(editor.doc, thread.id)).toBe("how they quickly may be mobilized");
    // flush() runs the stores already scheduled; the edit's own store may be scheduled a moment later.
    await waitFor(async () => (await anchorOf(thread.id)) === "anchored", "the stored text keeps the mark");
  });

  it("leaves a detached thread with its quote when the marked text is deleted", async () => {
    const thread = await open("Map the");
    await waitFor(() => markedText(editor.doc, thread.id) === "Map the", "the mark is placed");
    const text = itemText(editor.doc);
    const plain = (text.toDelta() as { insert: string }[]).map((op) => op.insert).join("");
    text.delete(plain.indexOf("Map the"), "Map the".length);
    await editor.settled();
    await server.flush();
    const listed = (await listThreads({ viewer: delegate, planId })).find((t) => t.id === thread.id)!;
    expect(listed).toMatchObject({ anchor: "detached", quote: { exact: "Map the" } });
  });

  it("tries again when marking fails after the claim, so the thread is pending for a while, never detached for good", async () => {
    const fault = failFirstDirectConnection();
    try {
      const thread = await open("required and how", "After a failure.");
      await waitFor(() => fault.calls() >= 1, "the first try is made");
      await waitFor(async () => (await anchorOf(thread.id)) === "pending", "the claim is released");
      await waitFor(() => markedText(editor.doc, thread.id) === "required and how", "the next try places the mark");
      expect(fault.calls()).toBeGreaterThanOrEqual(2);
    } finally {
      fault.restore();
    }
  });

  it("takes a thread up again when even giving its claim back failed", async () => {
    const fault = failFirstDirectConnection();
    // The database refuses to give a claim back, as it would while it is away.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_release() RETURNS trigger AS $$ BEGIN
      IF NEW."anchorClaimedAt" IS NULL AND OLD."anchorClaimedAt" IS NOT NULL AND NEW."anchoredAt" IS NULL THEN RAISE EXCEPTION 'injected: release refused'; END IF;
      RETURN NEW; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_release BEFORE UPDATE ON "CommentThread" FOR EACH ROW EXECUTE FUNCTION refuse_release()`,
    );
    try {
      const thread = await open("mobilized", "After a failed release.");
      await waitFor(() => fault.calls() >= 1, "the first try is made");
      await waitFor(
        () => markedText(editor.doc, thread.id) === "mobilized",
        "the next try places the mark all the same",
      );
      await waitFor(async () => (await anchorOf(thread.id)) !== "pending", "the thread is recorded as anchored");
    } finally {
      fault.restore();
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_release ON "CommentThread"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_release()`);
    }
  });

  it("leaves a live claim of another server alone, and takes the thread up once that claim has lapsed", async () => {
    // A thread claimed by a server that died while marking it: no notice will come again, only the sweep.
    const claimedAt = new Date();
    const orphan = await prisma.commentThread.create({
      data: {
        planId,
        sectionId,
        number: 5000,
        blockId: "resources.should-8",
        quoteExact: "required",
        stance: "neutral",
        authorId: delegate.id,
        anchorClaimedAt: claimedAt,
        comments: { create: { authorId: delegate.id, body: "Claimed by a server that died." } },
      },
    });
    expect(await anchorThread(server.hocuspocus, orphan.id)).toEqual({ status: "skipped" });
    expect(markedText(editor.doc, orphan.id)).toBe("");

    await prisma.commentThread.update({
      where: { id: orphan.id },
      data: { anchorClaimedAt: new Date(claimedAt.getTime() - ANCHOR_CLAIM_LEASE_MS - 1000) },
    });
    expect(await anchorThread(server.hocuspocus, orphan.id)).toMatchObject({ status: "anchored" });
    await waitFor(() => markedText(editor.doc, orphan.id) === "required", "the mark reaches the editor");
    const stored = await prisma.commentThread.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(stored.anchoredAt).not.toBeNull();
    expect(stored.anchorClaimedAt).toBeNull();
    expect(await anchorThread(server.hocuspocus, orphan.id)).toEqual({ status: "skipped" });
  });

  it("anchors a thread again after a plan reset, in the new text where its quote still is", async () => {
    const thread = await open("resources required", "Before the reset.");
    await waitFor(
      async () => (await anchorOf(thread.id)) === "anchored" || markedText(editor.doc, thread.id) !== "",
      "the mark is placed",
    );
    const admin = await prisma.user.create({
      data: { email: "admin@test.local", name: "Admin", role: "admin", passwordHash: "x" },
    });
    await resetPlan({ actor: { ...admin, delegation: null }, planId });
    const fresh = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    await waitFor(
      async () => (await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).anchoredAt !== null,
      "the thread is anchored again",
    );
    await server.flush();
    await waitFor(async () => (await anchorOf(thread.id)) === "anchored", "the new text carries the mark");
    expect((await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).sectionId).toBe(fresh.id);
    sectionId = fresh.id;
  });

  it("anchors, at start, threads created while no collaboration server listened", async () => {
    const quiet = await prisma.commentThread.create({
      data: {
        planId,
        sectionId,
        number: 999,
        blockId: "resources.should-8",
        quoteExact: "mobilized",
        stance: "neutral",
        authorId: delegate.id,
        comments: { create: { authorId: delegate.id, body: "Left while offline." } },
      },
    });
    const second = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
    try {
      await waitFor(
        async () => (await prisma.commentThread.findUniqueOrThrow({ where: { id: quiet.id } })).anchoredAt !== null,
        "the new server anchors it",
      );
      await second.flush();
    } finally {
      await second.stop();
    }
    const stored = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId } });
    expect(new Set(readPassages(stored.content as never).flatMap((p) => p.threadIds)).has(quiet.id)).toBe(true);
  });
});

describe("facilitators-only threads", () => {
  /** A facilitators-only thread on the quote, opened by a facilitator, once anchored. */
  async function openHidden(quote: string) {
    const facilitator = await prisma.user.create({
      data: { email: `fac-${crypto.randomUUID()}@test.local`, name: "Fatima", role: "facilitator", passwordHash: "x" },
    });
    const thread = await createThread({
      actor: { ...facilitator, delegation: null },
      planId,
      input: ZCreateThread.parse({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: quote },
        stance: "neutral",
        visibility: "facilitators",
        body: "Between facilitators.",
      }),
    });
    await waitFor(
      async () => (await prisma.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).anchoredAt !== null,
      "the thread is anchored",
    );
    return { thread, viewer: { id: facilitator.id, role: "facilitator" as const, delegationId: null } };
  }

  it("puts no mark in the shared document, keeps a range on the thread that follows edits, and turns detached when its words go", async () => {
    const client = connectClient({
      port: server.port,
      planId,
      sectionId,
      token: (await createTestUser("facilitator")).token,
    });
    try {
      await client.synced;
      const { thread, viewer } = await openHidden("required");
      await server.flush();
      // Nowhere in the live document, nor in what PostgreSQL holds of it.
      expect(JSON.stringify(itemText(client.doc).toDelta())).not.toContain(thread.id);
      const stored = await prisma.planSection.findUniqueOrThrow({ where: { id: sectionId } });
      expect(JSON.stringify(stored.content)).not.toContain(thread.id);
      expect(Buffer.from(stored.ydoc!).includes(Buffer.from(thread.id))).toBe(false);

      const listed = (await listThreads({ viewer, planId })).find((t) => t.id === thread.id)!;
      expect(listed.anchor).toBe("anchored");
      expect(listed.range).not.toBeNull();

      // Typing before the words moves the range with them; deleting them detaches the thread.
      const text = itemText(client.doc);
      text.insert(0, "Firstly, ");
      await client.settled();
      await server.flush();
      expect((await listThreads({ viewer, planId })).find((t) => t.id === thread.id)!.anchor).toBe("anchored");
      const plain = (text.toDelta() as { insert: string }[]).map((op) => op.insert).join("");
      const at = plain.indexOf("required");
      text.delete(at, "required".length);
      await client.settled();
      await server.flush();
      const anchorNow = async () => (await listThreads({ viewer, planId })).find((t) => t.id === thread.id)!.anchor;
      await waitFor(
        async () => (await anchorNow()) === "detached",
        "the thread turns detached once the stored text loses its words",
      );
    } finally {
      client.close();
    }
  });
});
