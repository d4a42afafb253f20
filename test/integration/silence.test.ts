/**
 * The silence procedure against a real PostgreSQL and a real collaboration server: a facilitator puts the current
 * round's revision under silence (refusals write nothing), every delegation is notified and the text turns read-only
 * for every writer and every live connection; a delegate breaks silence for their delegation (observers, facilitators
 * and admins may not), which the facilitators hear about and which opens the text again; a procedure nobody broke is
 * adopted at its deadline exactly once, however many callers race, and the text stays read-only until a new round.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { ZDecideAmendment } from "@/lib/amendments/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CollabServer } from "@/lib/collab/server";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { createThread } from "@/lib/comments/create-thread";
import { ZCreateThread } from "@/lib/comments/schemas";
import { getPrisma } from "@/lib/db";
import { formatDay } from "@/lib/dates/format-date";
import { buildExportDocument } from "@/lib/export/build-export-document";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import { renderHtml } from "@/lib/export/render-html";
import { adoptDueSilences } from "@/lib/negotiation/adopt-due-silences";
import { breakSilence } from "@/lib/negotiation/break-silence";
import { assertTextOpen, readTextLock } from "@/lib/negotiation/negotiation-state";
import { readSilence } from "@/lib/negotiation/read-silence";
import { ZBreakSilence, ZStartSilence } from "@/lib/negotiation/silence-schemas";
import { startSilence } from "@/lib/negotiation/start-silence";
import { resetPlan } from "@/lib/plan/reset-plan";
import { retitlePlan } from "@/lib/plan/structure/retitle-plan";
import { createVersion } from "@/lib/versions/create-version";
import { restoreVersion } from "@/lib/versions/restore-version";
import { connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { createAmendment, createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { issueTestRevision, letSilenceEnd } from "@/test/support/negotiation";
import { readZipEntry } from "@/test/support/read-zip-entry";
import { countRows } from "@/test/support/row-counts";

const prisma = getPrisma();
let server: CollabServer;
const clients: TestClient[] = [];
let facilitator: CurrentUser;
let admin: CurrentUser;
let bahrain: CurrentUser;
let ecuador: CurrentUser;
let observer: CurrentUser;

// Far enough that the collab server's timer never adopts one while a test counts rows.
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const start = (actor: CurrentUser, planId: string, versionId: string, endsAt = inAnHour()) =>
  startSilence({ actor, planId, input: ZStartSilence.parse({ versionId, endsAt }) });
const breakFor = (actor: CurrentUser, planId: string, reason = "We cannot join consensus on paragraph 5.") =>
  breakSilence({ actor, planId, input: ZBreakSilence.parse({ reason }) });

/** Runs `act`, expects it to be refused with `status`, and that it wrote no row. */
async function expectRefused(act: () => Promise<unknown>, status: number, message?: RegExp): Promise<void> {
  const before = await countRows(prisma);
  const error = await act().then(
    () => null,
    (thrown: unknown) => thrown as { status?: number; message: string },
  );
  expect(error?.status, error?.message ?? "it was not refused").toBe(status);
  if (message) expect(error!.message).toMatch(message);
  expect(await countRows(prisma)).toEqual(before);
}

setUpSeedDialogue();
beforeAll(async () => {
  [facilitator, admin, bahrain, ecuador, observer] = await Promise.all([
    createUser({ role: "facilitator" }),
    createUser({ role: "admin" }),
    createUser({ role: "delegate", delegationName: "Bahrain" }),
    createUser({ role: "delegate", delegationName: "Ecuador" }),
    createUser({ role: "observer" }),
  ]);
  server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL, silenceRecheckMs: 500 });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

describe("putting a revision under silence", () => {
  it("refuses other roles (403), the zero draft (409), another revision (409) and a past deadline (400), writing nothing", async () => {
    const { id: planId } = await createPlan();
    const zeroDraft = await createVersion({ actor: facilitator, planId, input: { label: "Zero draft" } });
    await expectRefused(() => start(facilitator, planId, zeroDraft.id), 409, /issue a revision first/i);
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    await expectRefused(() => start(bahrain, planId, rev1.versionId), 403);
    await expectRefused(() => start(observer, planId, rev1.versionId), 403);
    const rev2 = await issueTestRevision({ actor: facilitator, planId });
    await expectRefused(() => start(facilitator, planId, rev1.versionId), 409, /Rev\.2/);
    const past = ZStartSilence.safeParse({
      versionId: rev2.versionId,
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.success).toBe(false);
    expect(past.error?.issues[0].path).toEqual(["endsAt"]);
    expect(ZStartSilence.safeParse({ versionId: rev2.versionId, endsAt: "tomorrow" }).error?.issues[0].path).toEqual([
      "endsAt",
    ]);
  });

  it("records it, audited, notifies every delegation, locks the text and turns live connections read-only", async () => {
    const { id: planId } = await createPlan();
    const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const editor = connectClient({
      port: server.port,
      planId,
      sectionId: section.id,
      token: (await createTestUser("facilitator")).token,
    });
    clients.push(editor);
    await editor.synced;
    const liveConnection = () =>
      server.hocuspocus.documents.get(sectionDocumentName({ planId, sectionId: section.id }))!.getConnections()[0];
    expect(liveConnection().readOnly).toBe(false);

    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const silence = await start(facilitator, planId, rev1.versionId);

    expect(await prisma.silenceProcedure.findUniqueOrThrow({ where: { id: silence.id } })).toMatchObject({
      planId,
      versionId: rev1.versionId,
      startedById: facilitator.id,
      brokenAt: null,
      adoptedAt: null,
    });
    expect(await prisma.auditLog.count({ where: { action: "silence.start", resourceId: silence.id } })).toBe(1);
    const notified = await prisma.notification.findMany({ where: { resourceId: silence.id, kind: "silence_started" } });
    const notifiedIds = notified.map((n) => n.userId);
    expect(notifiedIds).toEqual(expect.arrayContaining([bahrain.id, ecuador.id]));
    expect(notifiedIds).not.toContain(facilitator.id);
    expect(notifiedIds).not.toContain(observer.id);
    expect(notified[0].title).toMatch(/^Rev\.1 is under silence until \d+ \w+ \d{4}, \d\d:\d\d UTC$/);
    expect(await readTextLock(prisma, planId)).toMatchObject({ state: "under_silence", versionId: rev1.versionId });
    expect((await readSilence({ planId }))?.state).toBe("under_silence");

    // The live connection is downgraded on the notice; a new one opens read-only.
    await waitFor(() => liveConnection().readOnly, "the live connection turns read-only");
    const late = connectClient({
      port: server.port,
      planId,
      sectionId: section.id,
      token: (await createTestUser("facilitator")).token,
    });
    clients.push(late);
    await late.synced;
    const connections = server.hocuspocus.documents
      .get(sectionDocumentName({ planId, sectionId: section.id }))!
      .getConnections();
    expect(connections.map((c) => c.readOnly)).toEqual([true, true]);

    // A second procedure on the same text is refused.
    await expectRefused(() => start(facilitator, planId, rev1.versionId), 409, /already under silence/);
  });
});

describe("the text under silence, and once adopted", () => {
  it("refuses proposing, accepting, restructuring, restoring and resetting (409), and still takes comments", async () => {
    const { id: planId } = await createPlan();
    const amendment = await createAmendment({ actor: bahrain, planId });
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const silence = await start(facilitator, planId, rev1.versionId);
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const writers = [
      () => createAmendment({ actor: ecuador, planId }),
      () =>
        decideAmendment({
          actor: facilitator,
          target: { planId, amendmentId: amendment.id },
          input: ZDecideAmendment.parse({ decision: "accept" }),
        }),
      () =>
        retitlePlan({
          actor: facilitator,
          planId,
          input: { expectedRevision: plan.structureRevision, title: "Another title" },
        }),
      () => restoreVersion({ actor: facilitator, planId, input: { versionId: rev1.versionId } }),
      () => resetPlan({ actor: admin, planId }),
    ];
    for (const write of writers) await expectRefused(write, 409, /under a silence procedure/);

    await letSilenceEnd(silence.id);
    expect((await readSilence({ planId }))?.state).toBe("adopted");
    for (const write of writers) await expectRefused(write, 409, /adopted under silence/);

    // Delegations still talk.
    const thread = await createThread({
      actor: ecuador,
      planId,
      input: ZCreateThread.parse({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: "Map the resources required" },
        stance: "support",
        body: "We welcome the adopted text.",
      }),
    });
    expect(thread.id).toBeTruthy();

    // A new round opens the text again.
    await issueTestRevision({ actor: facilitator, planId });
    expect(await readTextLock(prisma, planId)).toBeNull();
  });
});

describe("a writer racing the start of silence", () => {
  it("makes the start wait until a writer already past the check commits", async () => {
    const { id: planId } = await createPlan();
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    let release!: () => void;
    const isReleased = new Promise<void>((resolve) => (release = resolve));
    let isChecked = false;
    const writer = prisma.$transaction(async (tx) => {
      await assertTextOpen(tx, planId);
      isChecked = true;
      await isReleased;
    });
    await waitFor(() => isChecked, "the writer is past the check");
    let isStarted = false;
    const starting = start(facilitator, planId, rev1.versionId).then(() => (isStarted = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isStarted).toBe(false);
    release();
    await writer;
    await starting;
    expect(isStarted).toBe(true);
  });
});

describe("breaking silence", () => {
  it("refuses observers, facilitators and admins (403), an empty reason (400), and after the end (409), writing nothing", async () => {
    const { id: planId } = await createPlan();
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const silence = await start(facilitator, planId, rev1.versionId);
    for (const actor of [observer, facilitator, admin]) await expectRefused(() => breakFor(actor, planId), 403);
    const empty = ZBreakSilence.safeParse({ reason: "   " });
    expect(empty.error?.issues[0].path).toEqual(["reason"]);

    await letSilenceEnd(silence.id);
    // Ended: adopted by whoever looks first (here the reader, or the collab server's timer); no break counts now.
    expect((await readSilence({ planId }))?.state).toBe("adopted");
    await expectRefused(() => breakFor(bahrain, planId), 409, /No silence procedure is open/);
  });

  it("records who broke it for which delegation and why, audited, tells the facilitators, and opens the text", async () => {
    const { id: planId } = await createPlan();
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const silence = await start(facilitator, planId, rev1.versionId);
    await breakFor(bahrain, planId, "Paragraph 5 needs another reading.");

    expect(await prisma.silenceProcedure.findUniqueOrThrow({ where: { id: silence.id } })).toMatchObject({
      brokenById: bahrain.id,
      brokenByDelegationId: bahrain.delegationId,
      breakReason: "Paragraph 5 needs another reading.",
      adoptedAt: null,
    });
    expect(await prisma.auditLog.count({ where: { action: "silence.break", resourceId: silence.id } })).toBe(1);
    const notified = await prisma.notification.findMany({ where: { resourceId: silence.id, kind: "silence_broken" } });
    expect(notified.map((n) => n.userId)).toEqual(expect.arrayContaining([facilitator.id, admin.id]));
    expect(notified.map((n) => n.userId)).not.toContain(ecuador.id);
    expect(notified[0].title).toBe("Bahrain broke silence on Rev.1");
    expect(await readTextLock(prisma, planId)).toBeNull();
    expect(await readSilence({ planId })).toMatchObject({
      state: "broken",
      revision: "Rev.1",
      brokenBy: "Bahrain",
      breakReason: "Paragraph 5 needs another reading.",
    });

    // Once broken, it is over: a second break, and an adoption, find nothing to do.
    await expectRefused(() => breakFor(ecuador, planId), 409);
    await letSilenceEnd(silence.id);
    expect(await adoptDueSilences({ planId })).toEqual([]);
    // The facilitators may put the revision under silence again.
    expect((await start(facilitator, planId, rev1.versionId)).id).not.toBe(silence.id);
  });
});

describe("adoption at the deadline", () => {
  it("adopts exactly once when many callers race: one audit row, one notification per recipient", async () => {
    const { id: planId } = await createPlan();
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const silence = await start(facilitator, planId, rev1.versionId);
    await letSilenceEnd(silence.id);

    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => adoptDueSilences({ planId })),
      ...Array.from({ length: 4 }, () => readSilence({ planId })),
    ]);
    const adoptions = results.slice(0, 6).flat() as { id: string }[];
    expect(adoptions.filter((a) => a.id === silence.id).length).toBeLessThanOrEqual(1);

    const stored = await prisma.silenceProcedure.findUniqueOrThrow({ where: { id: silence.id } });
    expect(stored.adoptedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "silence.adopt", resourceId: silence.id } })).toBe(1);
    const notified = await prisma.notification.findMany({
      where: { resourceId: silence.id, kind: "adopted_under_silence" },
    });
    expect(new Set(notified.map((n) => n.userId)).size).toBe(notified.length);
    expect(notified.map((n) => n.userId)).toEqual(expect.arrayContaining([bahrain.id, ecuador.id, facilitator.id]));
    expect(notified[0].title).toMatch(/^Rev\.1 was adopted under silence on \d+ \w+ \d{4}$/);
    expect(await readSilence({ planId })).toMatchObject({
      state: "adopted",
      adoptedAt: stored.adoptedAt!.toISOString(),
    });
  });

  it("is done by a reader of the state (lazily) and by the collab server's timer, without anyone calling it", async () => {
    const { id: planId } = await createPlan();
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const lazy = await start(facilitator, planId, rev1.versionId);
    await letSilenceEnd(lazy.id);
    // The timer may beat the reader to it; either way the reader never sees "under silence" past the end.
    expect((await readSilence({ planId }))?.state).toBe("adopted");

    const { id: timedPlanId } = await createPlan();
    const timedRev = await issueTestRevision({ actor: facilitator, planId: timedPlanId });
    const timed = await start(facilitator, timedPlanId, timedRev.versionId, new Date(Date.now() + 1500).toISOString());
    await waitFor(
      async () => (await prisma.silenceProcedure.findUniqueOrThrow({ where: { id: timed.id } })).adoptedAt !== null,
      "the timer adopts it",
      10_000,
    );
    expect(await prisma.auditLog.count({ where: { action: "silence.adopt", resourceId: timed.id } })).toBe(1);
  });
});

describe("exports", () => {
  it("print the state: under silence until …, then adopted under silence on …, in Markdown, DOCX, HTML (PDF) and JSON", async () => {
    const { id: planId } = await createPlan();
    const rev1 = await issueTestRevision({ actor: facilitator, planId });
    const silence = await start(facilitator, planId, rev1.versionId, "2099-05-13T14:30:00Z");

    const markdown = (await exportPlanFile({ planId, format: "md" })).body.toString();
    expect(markdown).toContain("**Under silence until 13 May 2099, 14:30 UTC**");
    expect((await exportPlanFile({ planId, format: "md", versionLabel: "Rev.1" })).body.toString()).toContain(
      "Under silence until 13 May 2099, 14:30 UTC",
    );
    const json = JSON.parse((await exportPlanFile({ planId, format: "json" })).body.toString());
    expect(json.silence).toEqual({
      state: "under_silence",
      revision: "Rev.1",
      endsAt: "2099-05-13T14:30:00.000Z",
      adoptedAt: null,
    });

    await letSilenceEnd(silence.id);
    const adoptedAt = (await readSilence({ planId }))!.adoptedAt!;
    const adoptedLine = `Adopted under silence on ${formatDay(adoptedAt)}`;
    expect((await exportPlanFile({ planId, format: "md" })).body.toString()).toContain(`**${adoptedLine}**`);
    const docx = readZipEntry((await exportPlanFile({ planId, format: "docx" })).body, "word/document.xml");
    expect(docx).toContain(adoptedLine);
    const html = renderHtml({ document: await buildExportDocument({ planId }) });
    expect(html).toContain(`<p class="silence"><strong>${adoptedLine}</strong></p>`);
    expect(JSON.parse((await exportPlanFile({ planId, format: "json" })).body.toString()).silence).toMatchObject({
      state: "adopted",
      adoptedAt,
    });
  });
});
