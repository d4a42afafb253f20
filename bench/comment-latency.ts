/**
 * How long until a new comment is visible to everyone watching a section?
 * 50 watchers (Node Hocuspocus providers over ws) sit on one section; a
 * delegate posts 100 replies, five a second. For each, the time from the
 * call (validation, transaction, NOTIFY on commit) until:
 *   - notice:  every watcher has heard "threads-changed" over its socket;
 *   - visible: every watcher has also fetched the section's threads again
 *              (listThreads, as GET /api/plans/[id]/threads does, so reads
 *              arriving together share one query) and found it.
 * Target: visible p99 < 250 ms. The collab server runs in this process, with
 * the watchers: on the 2-core machine their work competes with it.
 *
 *   npx tsx bench/comment-latency.ts [--watchers 50] [--comments 100]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createThread } from "@/lib/comments/create-thread";
import { listThreads } from "@/lib/comments/list-threads";
import { ZCreateThread } from "@/lib/comments/schemas";
import { replyToThread } from "@/lib/comments/write-comment";
import { seedPlan } from "@/lib/plan/seed-plan";
import { connectClient, createTestUser, startTestCollab, waitFor } from "@/test/support/collab";
import { resetToSeedDialogue, SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { findPercentile, formatMs, log, reportUpperBound, withBenchDatabase } from "./bench-support";

const TARGET_P99_MS = 250;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { watchers: { type: "string", default: "50" }, comments: { type: "string", default: "100" } },
  });
  const watcherCount = Number(values.watchers);
  const commentCount = Number(values.comments);
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue and seeding its plan …");
    await resetToSeedDialogue();
    const { planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID });
    const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
    const ecuador = await prisma.delegation.findFirstOrThrow({ where: { name: "Ecuador" } });
    const user = await prisma.user.create({
      data: {
        email: "bench@test.local",
        name: "Bench Delegate",
        role: "delegate",
        passwordHash: "x",
        delegationId: ecuador.id,
      },
    });
    const author: CurrentUser = {
      ...user,
      delegation: { id: ecuador.id, name: ecuador.name, onBehalfOf: ecuador.onBehalfOf },
    };
    const server = await startTestCollab({ databaseUrl: process.env.DATABASE_URL });
    log(`connecting ${watcherCount} watchers …`);
    const watcher = await createTestUser("observer");
    const clients = Array.from({ length: watcherCount }, () =>
      connectClient({ port: server.port, planId, sectionId: section.id, token: watcher.token }),
    );
    await Promise.all(clients.map((c) => c.synced));
    const heard = clients.map(() => 0);
    clients.forEach((client, i) => client.provider.on("stateless", () => void heard[i]++));
    const thread = await createThread({
      actor: author,
      planId,
      input: ZCreateThread.parse({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: "resources required" },
        stance: "question",
        body: "Bench thread.",
      }),
    });
    await waitFor(() => heard.every((n) => n >= 1), "the watchers hear of the thread");

    const notice: number[] = [];
    const visible: number[] = [];
    const memoryBefore = process.memoryUsage().rss;
    log(`posting ${commentCount} replies …`);
    for (let n = 0; n < commentCount; n++) {
      const expected = heard.map((count) => count + 1);
      const body = `Reply ${n} from the bench.`;
      const started = performance.now();
      await replyToThread({ actor: author, target: { planId, threadId: thread.id }, input: { body } });
      await waitFor(() => heard.every((count, i) => count >= expected[i]), "every watcher hears of the reply", 5000);
      notice.push(performance.now() - started);
      const fetched = await Promise.all(
        clients.map(() =>
          listThreads({
            viewer: { id: "bench-observer", role: "observer", delegationId: null },
            planId,
            filter: { sectionKey: "resources" },
          }),
        ),
      );
      if (!fetched.every((threads) => threads.some((t) => t.comments.some((c) => c.body === body))))
        throw new Error(`reply ${n} not visible`);
      visible.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const client of clients) client.close();
    await server.stop();
    const row = (label: string, values: number[]) =>
      `${label.padEnd(34)}${[50, 95, 99].map((p) => formatMs(findPercentile(values, p)).padStart(10)).join("")}`;
    console.log(`\n${commentCount} replies, ${watcherCount} watchers on one section (collab server in this process)`);
    console.log(`${"".padEnd(34)}${["p50 ms", "p95 ms", "p99 ms"].map((h) => h.padStart(10)).join("")}`);
    console.log(row("post → every watcher notified", notice));
    console.log(row("post → visible to every watcher", visible));
    console.log(
      `throughput: ${(commentCount / (visible.reduce((a, b) => a + b, 0) / 1000)).toFixed(1)} replies/s end to end (sequential)`,
    );
    console.log(
      `RSS: ${(memoryBefore / 2 ** 20).toFixed(0)} MB before, ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB after`,
    );
    const p99 = findPercentile(visible, 99);
    console.log(
      `\nTarget: visible p99 ${formatMs(p99)} ms < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? "met" : "MISSED"}`,
    );
    reportUpperBound({
      name: `comment → visible to ${watcherCount} watchers p99`,
      value: p99,
      unit: "ms",
      limit: TARGET_P99_MS,
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
