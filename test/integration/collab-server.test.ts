/**
 * The collaboration server against a real PostgreSQL and real WebSockets:
 * first load, persistence, read-only enforcement, tokens, suspect links and
 * convergence. Clients are raw Hocuspocus providers editing the Y.Doc directly.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sectionDocumentName } from "@/lib/collab/document-name";
import type { CollabServer } from "@/lib/collab/server";
import { loadSectionState, rehearseStore, storeSectionState } from "@/lib/plan/section-document";
import { contentFromYdoc } from "@/lib/editor/ydoc";
import { signCollabToken } from "@/lib/collab/token";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { TEST_AUTH_SECRET } from "@/test/support/accounts";
import { connectClient, createTestUser, firstText, firstTextIn, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { createPlan } from "@/test/support/factories";

const prisma = getPrisma();
let server: CollabServer;
let planId: string;
let facilitator: { id: string; token: string };
let delegate: { id: string; token: string };
let observer: { id: string; token: string };
const clients: TestClient[] = [];

async function section(key: string) {
  return prisma.planSection.findFirstOrThrow({ where: { planId, key } });
}

function connect(sectionId: string, token: string, doc?: Y.Doc): TestClient {
  const client = connectClient({ port: server.port, planId, sectionId, token, doc });
  clients.push(client);
  return client;
}

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  facilitator = await createTestUser("facilitator", "Fatima Facilitator");
  delegate = await createTestUser("delegate");
  observer = await createTestUser("observer");
  server = await startTestCollab();
});
beforeEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.stop();
});

describe("first load", () => {
  it("converts the seeded Tiptap JSON into a Y.Doc on the server, once", async () => {
    const target = await section("principles");
    expect(target.ydoc).toBeNull();
    const a = connect(target.id, facilitator.token);
    await a.synced;
    expect(contentFromYdoc(a.doc)).toEqual(target.content);
    const stored = (await section("principles")).ydoc;
    expect(stored).not.toBeNull();
    // A second load reads the stored state; it does not convert (and so duplicate) again.
    expect(Buffer.from(await loadSectionState({ planId, sectionId: target.id })).equals(Buffer.from(stored!))).toBe(
      true,
    );
    const b = connect(target.id, observer.token);
    await b.synced;
    expect(contentFromYdoc(b.doc)).toEqual(target.content);
  });
});

describe("persistence", () => {
  it("stores the Yjs state, the Tiptap JSON, the text and its search index after an edit", async () => {
    const target = await section("timeframe");
    const client = connect(target.id, facilitator.token);
    await client.synced;
    firstText(client.doc).insert(0, "Zanzibarian milestones first. ");
    await client.settled();
    await waitFor(
      async () => (await section("timeframe")).text.startsWith("Zanzibarian milestones first."),
      "the edit is stored",
    );
    const stored = await section("timeframe");
    expect(JSON.stringify(stored.content)).toContain("Zanzibarian milestones first.");
    const restored = new Y.Doc();
    Y.applyUpdate(restored, stored.ydoc!);
    expect(contentFromYdoc(restored)).toEqual(stored.content);
    const hits = await prisma.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "PlanSection" WHERE "search" @@ plainto_tsquery('english', 'zanzibarian')`;
    expect(hits.map((h) => h.id)).toEqual([target.id]);
  });

  it("merges the stored state first, so a store from another instance is added to, never overwritten", async () => {
    const target = await section("cross-cutting");
    const seeded = await loadSectionState({ planId, sectionId: target.id });
    const [instanceA, instanceB] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(instanceA, seeded);
    Y.applyUpdate(instanceB, seeded);
    firstText(instanceA).insert(0, "Edit on instance A. ");
    firstText(instanceB).insert(0, "Edit on instance B. ");
    await storeSectionState({ planId, sectionId: target.id }, instanceA, facilitator.id);
    await storeSectionState({ planId, sectionId: target.id }, instanceB, facilitator.id);
    const stored = (await section("cross-cutting")).text;
    expect(stored).toContain("Edit on instance A.");
    expect(stored).toContain("Edit on instance B.");
  });

  it("survives a store that fails for an unexpected reason, and stores the edits with the next change", async () => {
    const lines: string[] = [];
    const own = await startTestCollab({ log: (line) => lines.push(line) });
    const target = await section("monitoring-and-review");
    const client = connectClient({ port: own.port, planId, sectionId: target.id, token: facilitator.token });
    try {
      await client.synced;
      // A real failure inside PostgreSQL, not a mock: a trigger refuses this section's updates.
      await prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_section_store() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
      );
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_section_store BEFORE UPDATE ON "PlanSection" FOR EACH ROW WHEN (OLD.id = '${target.id}') EXECUTE FUNCTION refuse_section_store()`,
      );
      try {
        firstText(client.doc).insert(0, "Refused at first. ");
        await waitFor(
          () =>
            lines.some((line) =>
              line.startsWith(`store of ${sectionDocumentName({ planId, sectionId: target.id })} failed`),
            ),
          "the failed store is logged",
        );
      } finally {
        await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_section_store ON "PlanSection"`);
        await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_section_store()`);
      }
      // The server is still up (a rethrown store would have crashed it), and the next change carries the first.
      firstText(client.doc).insert(0, "Then stored. ");
      await waitFor(
        async () => (await section("monitoring-and-review")).text.startsWith("Then stored. Refused at first."),
        "both edits are stored",
      );
    } finally {
      client.close();
      await own.stop();
    }
  });

  it("rehearses a store at start-up without writing anything", async () => {
    const before = await prisma.planSection.findMany({ where: { planId }, orderBy: { id: "asc" } });
    const audits = await prisma.auditLog.count();
    await rehearseStore();
    expect(await prisma.planSection.findMany({ where: { planId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("skips the write when nothing changed", async () => {
    const target = await section("resources");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadSectionState({ planId, sectionId: target.id }));
    const before = (await section("resources")).updatedAt;
    expect(await storeSectionState({ planId, sectionId: target.id }, doc, facilitator.id)).toEqual({
      status: "unchanged",
    });
    expect((await section("resources")).updatedAt).toEqual(before);
  });
});

describe("access", () => {
  it("refuses a forged, an expired, a disabled user's and another secret's token with permission-denied", async () => {
    const target = await section("objectives");
    const disabled = await createTestUser("facilitator");
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const [body] = facilitator.token.split(".");
    const tokens = [
      `${body}.forged-signature`,
      signCollabToken({ userId: facilitator.id, secret: TEST_AUTH_SECRET, now: Date.now() - 10 * 60_000 }).token,
      disabled.token,
      signCollabToken({ userId: facilitator.id, secret: "another-secret-another-secret-another-secret" }).token,
    ];
    for (const token of tokens) expect(await connect(target.id, token).denied).toBe("permission-denied");
  });

  it("disconnects an open connection whose user was disabled or demoted, and refuses it on reconnect", async () => {
    const target = await section("objectives");
    const [toDisable, toDemote, unchanged] = await Promise.all([
      createTestUser("facilitator"),
      createTestUser("facilitator"),
      createTestUser("facilitator"),
    ]);
    const clients = [toDisable, toDemote, unchanged].map((user) => connect(target.id, user.token));
    await Promise.all(clients.map((c) => c.synced));
    await prisma.user.update({ where: { id: toDisable.id }, data: { disabledAt: new Date() } });
    await prisma.user.update({ where: { id: toDemote.id }, data: { role: "observer" } });
    expect(await server.recheck()).toBe(2);
    expect(await clients[0].denied).toBe("permission-denied");
    // The demoted user's provider reconnects with its (still valid) token and is now read-only.
    await waitFor(() => clients[1].provider.isSynced, "the demoted user reconnects");
    firstText(clients[1].doc).insert(0, "AFTER DEMOTION ");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(clients[1].provider.hasUnsyncedChanges).toBe(true);
    expect(JSON.stringify(contentFromYdoc(clients[2].doc))).not.toContain("AFTER DEMOTION");
    expect(await server.recheck()).toBe(0);
  });

  it("refuses a document that is not a section of the plan", async () => {
    const client = connectClient({ port: server.port, planId, sectionId: "no-such-section", token: facilitator.token });
    clients.push(client);
    expect(await client.denied).toBe("permission-denied");
  });

  for (const role of ["delegate", "observer"] as const) {
    it(`refuses a ${role}'s update, leaves the stored document unchanged, and keeps it from others`, async () => {
      const target = await section("monitoring-and-review");
      const writer = connect(target.id, facilitator.token);
      await writer.synced;
      const storedBefore = (await section("monitoring-and-review")).content;
      const reader = connect(target.id, (role === "delegate" ? delegate : observer).token);
      await reader.synced;
      firstText(reader.doc).insert(0, "FORGED ");
      // The server answers the update with a failed sync status: the change stays unacknowledged.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reader.provider.hasUnsyncedChanges).toBe(true);
      const live = server.hocuspocus.documents.get(sectionDocumentName({ planId, sectionId: target.id }))!;
      expect(JSON.stringify(contentFromYdoc(live))).not.toContain("FORGED");
      expect(JSON.stringify(contentFromYdoc(writer.doc))).not.toContain("FORGED");
      await server.flush();
      expect((await section("monitoring-and-review")).content).toEqual(storedBefore);
    });
  }
});

describe("links follow the text", () => {
  it("turns a confirmed link suspect when its passage changes in substance, not for punctuation or spacing", async () => {
    const target = await section("targets");
    const blocks = readPassages(target.content as JSONContent);
    const links = await prisma.provenanceLink.findMany({
      where: { sectionId: target.id, status: "confirmed", blockId: { not: "" } },
    });
    expect(links.length).toBeGreaterThan(0);
    const client = connect(target.id, facilitator.token);
    await client.synced;
    const passages = client.doc.getXmlFragment("default");
    const linkedBlock = links[0].blockId;
    const text = findTextOfBlock(passages, linkedBlock);
    // Punctuation and whitespace only: still confirmed.
    text.insert(text.length, " ;");
    await client.settled();
    await server.flush();
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: links[0].id } })).status).toBe("confirmed");
    text.insert(0, "Not ");
    await client.settled();
    await server.flush();
    const after = await prisma.provenanceLink.findMany({ where: { sectionId: target.id, blockId: linkedBlock } });
    expect(after.filter((l) => l.status === "confirmed")).toEqual([]);
    expect(after.some((l) => l.status === "suspect")).toBe(true);
    const audit = await prisma.auditLog.findFirst({ where: { action: "provenance.suspect", resourceId: links[0].id } });
    expect(audit?.userId).toBe(facilitator.id);
    expect(blocks.some((b) => b.blockId === linkedBlock)).toBe(true);
  });

  it("marks a link removed when its citation is deleted from the text, and restores it when it comes back", async () => {
    const target = await section("cooperation");
    const link = await prisma.provenanceLink.findFirstOrThrow({
      where: { sectionId: target.id, status: "confirmed", blockId: { not: "" } },
    });
    const client = connect(target.id, facilitator.token);
    await client.synced;
    const text = findTextOfBlock(client.doc.getXmlFragment("default"), link.blockId);
    const citation = new Y.XmlElement("citation");
    citation.setAttribute("linkId", link.id);
    const paragraph = text.parent as Y.XmlElement;
    paragraph.insert(paragraph.length, [citation]);
    await client.settled();
    await server.flush();
    expect(await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      status: "confirmed",
      cited: true,
    });
    paragraph.delete(paragraph.length - 1, 1);
    await client.settled();
    await server.flush();
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("removed");
    expect(
      await prisma.auditLog.count({
        where: { action: "provenance.citation_removed", resourceId: link.id, userId: facilitator.id },
      }),
    ).toBe(1);
    const again = new Y.XmlElement("citation");
    again.setAttribute("linkId", link.id);
    paragraph.insert(paragraph.length, [again]);
    await client.settled();
    await server.flush();
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("confirmed");
  });
});

describe("convergence", () => {
  it("converges N clients making random concurrent edits, some offline, and stores their common state", async () => {
    const target = await section("objectives");
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, await loadSectionState({ planId, sectionId: target.id }));
    const users = await Promise.all([0, 1, 2, 3, 4].map(() => createTestUser("facilitator")));
    const group = users.map((user) => connect(target.id, user.token));
    await Promise.all(group.map((c) => c.synced));
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 6; round++) {
      // Two clients go offline for the round and edit all the same.
      const offline = [group[round % 5], group[(round + 2) % 5]];
      for (const c of offline) await c.goOffline();
      for (let i = 0; i < 40; i++) randomEdit(group[Math.floor(random() * group.length)].doc, random);
      for (const c of offline) await c.goOnline();
    }
    await waitFor(
      () => group.every((c) => !c.provider.hasUnsyncedChanges && c.provider.isSynced),
      "every client is synced",
    );
    const reference = JSON.stringify(contentFromYdoc(group[0].doc));
    await waitFor(
      () => group.every((c) => JSON.stringify(contentFromYdoc(c.doc)) === reference),
      "all clients converge",
    );
    await server.flush();
    expect((await section("objectives")).content).toEqual(JSON.parse(reference));
    expect(reference).not.toBe(JSON.stringify(contentFromYdoc(seeded)));
  });
});

function findTextOfBlock(fragment: Y.XmlFragment, blockId: string): Y.XmlText {
  const visit = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.getAttribute("blockId") === blockId) {
          const text = firstTextIn(child);
          if (text) return text;
        }
        const found = visit(child);
        if (found) return found;
      }
    }
    return null;
  };
  const text = visit(fragment);
  if (!text) throw new Error(`no text in block ${blockId}`);
  return text;
}

function randomEdit(doc: Y.Doc, random: () => number): void {
  const text = firstText(doc);
  if (random() < 0.7 || text.length < 5)
    text.insert(Math.floor(random() * (text.length + 1)), `w${Math.floor(random() * 100)} `);
  else text.delete(Math.floor(random() * (text.length - 3)), 3);
}
