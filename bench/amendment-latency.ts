/**
 * How long until an accepted amendment is in everyone's editor? 50 watchers
 * (Node Hocuspocus providers over ws) sit on one section. Each round Bahrain
 * proposes to swap one word of a passage and a facilitator accepts it: the
 * transaction edits the stored Yjs state, writes the text, the amendment and
 * its provenance link, and NOTIFY makes the collab server merge it into the
 * live document. Side by side, the same change typed by an editor connected
 * to the section (a plain Yjs update): the floor an accepted amendment can
 * approach.
 *
 *   npx tsx bench/amendment-latency.ts [--watchers 50] [--rounds 60]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedPlan } from "@/lib/plan/seed-plan";
import { blockTextIn, connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import type { TestClient } from "@/test/support/collab";
import { resetToSeedDialogue, SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { findPercentile, formatMs, log, reportFigure, withBenchDatabase } from "./bench-support";

const BLOCK = "resources.should-8";
const WORDS = ["required", "needed"] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { watchers: { type: "string", default: "50" }, rounds: { type: "string", default: "60" } },
  });
  const watcherCount = Number(values.watchers);
  const rounds = Number(values.rounds);
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue and seeding its plan …");
    await resetToSeedDialogue();
    const { planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID });
    const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const actor = async (role: "delegate" | "facilitator", delegationName?: string): Promise<CurrentUser> => {
      const delegation = delegationName
        ? await prisma.delegation.findFirstOrThrow({ where: { name: delegationName } })
        : null;
      const user = await prisma.user.create({
        data: {
          email: `${role}-${crypto.randomUUID()}@bench.local`,
          name: `Bench ${role}`,
          role,
          passwordHash: "x",
          delegationId: delegation?.id ?? null,
        },
      });
      return {
        ...user,
        delegation: delegation ? { id: delegation.id, name: delegation.name, onBehalfOf: delegation.onBehalfOf } : null,
      };
    };
    const [bahrain, facilitator] = [await actor("delegate", "Bahrain"), await actor("facilitator")];
    const server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
    log(`connecting ${watcherCount} watchers and one typist …`);
    const watcher = await createTestUser("observer");
    const clients = Array.from({ length: watcherCount }, () =>
      connectClient({ port: server.port, planId, sectionId: section.id, token: watcher.token }),
    );
    const typist = connectClient({
      port: server.port,
      planId,
      sectionId: section.id,
      token: (await createTestUser("facilitator")).token,
    });
    await Promise.all([...clients, typist].map((c) => c.synced));
    const everyoneReads = (word: string) =>
      clients.every((c) => blockTextIn(c.doc, BLOCK).toString().includes(` ${word} `));

    const commit: number[] = [];
    const accepted: number[] = [];
    const typed: number[] = [];
    const memoryBefore = process.memoryUsage().rss;
    log(`${rounds} rounds: an amendment accepted, then the same kind of change typed …`);
    // The first rounds compile queries and warm the Yjs and ProseMirror code; they are not counted.
    const WARM_UP = 3;
    for (let round = -WARM_UP; round < rounds; round++) {
      // Each round starts from "required": the amendment makes it "needed", the typist types it back.
      const [from, to] = WORDS;
      const input = ZProposeAmendment.parse({
        sectionKey: "resources",
        blockId: BLOCK,
        kind: "replace",
        quote: { exact: from },
        newText: to,
        rationale: "Bench.",
      });
      const { id } = await proposeAmendment({ actor: bahrain, planId, input });
      const started = performance.now();
      await decideAmendment({ actor: facilitator, target: { planId, amendmentId: id }, input: { decision: "accept" } });
      const committedAt = performance.now();
      await waitFor(() => everyoneReads(to), "every watcher reads the accepted text", 5000);
      const visibleAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const typedMs = await typeWord(typist, { from: to, to: from, isVisible: () => everyoneReads(from) });
      if (round >= 0) {
        commit.push(committedAt - started);
        accepted.push(visibleAt - started);
        typed.push(typedMs);
      }
      await typist.settled();
      await server.flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const client of [...clients, typist]) client.close();
    await server.stop();
    const row = (label: string, values: number[]) =>
      `${label.padEnd(40)}${[50, 95, 99].map((p) => formatMs(findPercentile(values, p)).padStart(10)).join("")}`;
    console.log(`\n${rounds} rounds, ${watcherCount} watchers on one section (collab server in this process)`);
    console.log(`${"".padEnd(40)}${["p50 ms", "p95 ms", "p99 ms"].map((h) => h.padStart(10)).join("")}`);
    console.log(row("accept: decision committed", commit));
    console.log(row("accept → every watcher reads it", accepted));
    console.log(row("typed by an editor → every watcher", typed));
    console.log(
      `throughput: ${(rounds / (accepted.reduce((a, b) => a + b, 0) / 1000)).toFixed(1)} acceptances/s end to end (sequential)`,
    );
    console.log(
      `RSS: ${(memoryBefore / 2 ** 20).toFixed(0)} MB before, ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB after`,
    );
    reportFigure({
      name: `amendment accept → ${watcherCount} watchers p99`,
      value: findPercentile(accepted, 99),
      unit: "ms",
    });
  });
}

/** Replaces the word in the typist's document, as an editor would, and times it until every watcher has it. */
async function typeWord(
  typist: TestClient,
  { from, to, isVisible }: { from: string; to: string; isVisible: () => boolean },
): Promise<number> {
  const text = blockTextIn(typist.doc, BLOCK);
  const at = text.toString().indexOf(` ${from} `) + 1;
  const started = performance.now();
  typist.doc.transact(() => {
    text.delete(at, from.length);
    text.insert(at, to);
  });
  await waitFor(isVisible, "every watcher reads the typed text", 5000);
  return performance.now() - started;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
