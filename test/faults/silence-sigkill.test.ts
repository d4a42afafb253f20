/**
 * Issue 21: a revision under silence is adopted exactly once at its deadline, even when the collaboration server (the
 * process that keeps the clock) is SIGKILLed before the deadline and only started again after it: the restarted
 * process catches up on start. And two processes whose timers fire at the same deadline, with a reader asking at the
 * same moment, still adopt it once: one adoptedAt, one audit row, one notification per recipient. The real
 * `npm run collab` processes and a PostgreSQL of the test's own.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { readSilence } from "@/lib/negotiation/read-silence";
import { ZStartSilence } from "@/lib/negotiation/silence-schemas";
import { startSilence } from "@/lib/negotiation/start-silence";
import { waitFor } from "@/test/support/collab";
import { killCollabProcesses, sleep, startCollabProcess } from "@/test/support/collab-process";
import { createUser } from "@/test/support/factories";
import { setUpFaultDatabase } from "@/test/support/fault-database";
import type { FaultDatabase } from "@/test/support/fault-database";
import { findFreePort } from "@/test/support/free-port";
import { issueTestRevision } from "@/test/support/negotiation";

let db: FaultDatabase;
let facilitator: CurrentUser;
let delegate: CurrentUser;

beforeAll(async () => {
  db = await setUpFaultDatabase();
  [facilitator, delegate] = await Promise.all([
    createUser({ role: "facilitator" }),
    createUser({ role: "delegate", delegationName: "Bahrain" }),
  ]);
});
afterEach(async () => {
  await killCollabProcesses();
});
afterAll(async () => {
  await db?.tearDown();
});

/** A revision of the plan under silence until `inMs` from now. */
async function putUnderSilence(inMs: number): Promise<{ id: string; endsAt: Date }> {
  const { versionId } = await issueTestRevision({ actor: facilitator, planId: db.planId });
  const endsAt = new Date(Date.now() + inMs).toISOString();
  return startSilence({ actor: facilitator, planId: db.planId, input: ZStartSilence.parse({ versionId, endsAt }) });
}

/** Exactly one adoption: adoptedAt set, one audit row, one notification to each recipient (the delegate among them). */
async function expectAdoptedOnce(silenceId: string): Promise<void> {
  const prisma = getPrisma();
  const stored = await prisma.silenceProcedure.findUniqueOrThrow({ where: { id: silenceId } });
  expect(stored.adoptedAt).not.toBeNull();
  expect(stored.adoptedAt!.getTime()).toBeGreaterThanOrEqual(stored.endsAt.getTime());
  expect(await prisma.auditLog.count({ where: { action: "silence.adopt", resourceId: silenceId } })).toBe(1);
  const notified = await prisma.notification.findMany({
    where: { resourceId: silenceId, kind: "adopted_under_silence" },
  });
  const recipients = notified.map((n) => n.userId);
  expect(new Set(recipients).size).toBe(recipients.length);
  expect(recipients).toEqual(expect.arrayContaining([delegate.id, facilitator.id]));
}

it("adopts once after a SIGKILL before the deadline and a restart after it (catch-up on start)", async () => {
  const port = await findFreePort();
  const first = await startCollabProcess({ port, databaseUrl: db.database.url });
  const silence = await putUnderSilence(4000);
  await sleep(500);
  first.child.kill("SIGKILL");
  expect((await first.exited).signal).toBe("SIGKILL");

  // The deadline passes with nobody running: nothing is adopted (this test reads rows, never the lazy path).
  await sleep(Math.max(0, silence.endsAt.getTime() - Date.now()) + 1500);
  expect((await getPrisma().silenceProcedure.findUniqueOrThrow({ where: { id: silence.id } })).adoptedAt).toBeNull();

  const second = await startCollabProcess({ port, databaseUrl: db.database.url });
  await waitFor(
    async () =>
      (await getPrisma().silenceProcedure.findUniqueOrThrow({ where: { id: silence.id } })).adoptedAt !== null,
    "the restarted process adopts the revision",
    15_000,
  );
  expect(second.output()).toContain("adopted under silence");
  // Another restart finds nothing left to do.
  second.child.kill("SIGKILL");
  await second.exited;
  await startCollabProcess({ port, databaseUrl: db.database.url });
  await sleep(1500);
  await expectAdoptedOnce(silence.id);
});

it("adopts once when two processes' timers and a reader race at the deadline", async () => {
  const [portA, portB] = [await findFreePort(), await findFreePort()];
  const [a, b] = await Promise.all([
    startCollabProcess({ port: portA, databaseUrl: db.database.url }),
    startCollabProcess({ port: portB, databaseUrl: db.database.url }),
  ]);
  const silence = await putUnderSilence(3000);
  await sleep(Math.max(0, silence.endsAt.getTime() - Date.now()));
  // The reader asks right at the deadline, as the timers fire.
  const readers = await Promise.all(Array.from({ length: 3 }, () => readSilence({ planId: db.planId })));
  expect(readers.every((view) => view?.state === "adopted" || view?.state === "under_silence")).toBe(true);
  await waitFor(
    async () =>
      (await getPrisma().silenceProcedure.findUniqueOrThrow({ where: { id: silence.id } })).adoptedAt !== null,
    "the revision is adopted",
    15_000,
  );
  await sleep(1500);
  await expectAdoptedOnce(silence.id);
  const adoptedIn = [a, b].filter((process) => process.output().includes("adopted under silence"));
  expect(adoptedIn.length).toBeLessThanOrEqual(1);
});
