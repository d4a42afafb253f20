/**
 * How fast are source suggestions and the coverage board? Times
 * `suggestSources` for 200 passages against the bundled 2009 dialogue and a
 * synthetic one about 100 times larger, side by side, then `computeCoverage`
 * on the seeded 2009 plan and on a synthetic plan of 200 sections and 5,000
 * links over the large dialogue.
 *
 *   npx tsx bench/suggest-latency.ts [--copies N] [--passages N] [--board-runs N]
 *
 * Targets: suggestions p99 < 50 ms, coverage board p99 < 200 ms, both judged
 * on the large dialogue. Everything runs in a fresh database that is dropped
 * at the end: on the server of DATABASE_URL when it is set, otherwise on an
 * embedded PostgreSQL. Nothing is asserted; a missed target is reported.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { findPercentile, formatMs, log, reportUpperBound, withBenchDatabase } from "./bench-support";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import type { ParsedDialogue } from "@/lib/dialogue/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedPlan } from "@/lib/plan/seed-plan";
import { computeCoverage } from "@/lib/provenance/compute-coverage";
import { suggestSources } from "@/lib/provenance/suggest-sources";
import { generateSyntheticDialogue, SEED_DIALOGUE_URL } from "./synthetic-dialogue";

const GOLD_URL = new URL("../test/fixtures/provenance-gold.json", import.meta.url);
const TARGET_SUGGEST_P99_MS = 50;
const TARGET_BOARD_P99_MS = 200;
const SUGGESTION_LIMIT = 10;
const BOARD_SECTIONS = 200;
const BOARD_LINKS = 5_000;
const LINK_BATCH = 1_000;

type Options = { copies: number; passages: number; boardRuns: number };
type Dialogue = { label: string; id: string; parsed: ParsedDialogue };
type Timing = { samples: number[]; coldMs: number };

async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  const seedText = readFileSync(SEED_DIALOGUE_URL, "utf8");
  const largeText = generateSyntheticDialogue({ copies: options.copies, seedText });
  const documents = [
    { label: "2009 seed", sourceName: "ga-dialogue-2009-05-13-human-trafficking.md", text: seedText },
    { label: `synthetic ×${options.copies}`, sourceName: `synthetic-dialogue-x${options.copies}.md`, text: largeText },
  ];
  const passages = buildPassages(parseDialogue(seedText), options.passages);
  const memory = createMemoryWatch();

  // Read before the test database's URL replaces it.
  const server = process.env.DATABASE_URL
    ? "a fresh database on the server of DATABASE_URL"
    : "a fresh embedded PostgreSQL database";
  await withBenchDatabase(async (prisma) => {
    await printEnvironment(prisma, options, server);

    const dialogues: Dialogue[] = [];
    for (const document of documents) {
      log(`importing ${document.label} …`);
      const parsed = parseDialogue(document.text);
      await importDialogue({ prisma, parsed, sourceText: document.text, sourceName: document.sourceName });
      dialogues.push({ label: document.label, id: parsed.slug, parsed });
    }
    const [small, large] = dialogues;

    const suggestTimings: Timing[] = [];
    for (const dialogue of dialogues) {
      log(`timing suggestions for ${passages.length} passages on ${dialogue.label} …`);
      suggestTimings.push(await timeSuggestions(dialogue.id, passages));
      memory.sample();
    }

    log("seeding the 2009 plan …");
    const seeded = await seedPlan({ dialogueId: small.id });
    log(`building a plan of ${BOARD_SECTIONS} sections and ${BOARD_LINKS} links on ${large.label} …`);
    const synthetic = await createSyntheticPlan(prisma, large.id);
    // Fresh planner statistics, as autovacuum would have in steady state;
    // otherwise the first runs race autovacuum's own ANALYZE of the new rows.
    await prisma.$executeRaw`ANALYZE`;
    const boardTimings: Timing[] = [];
    for (const planId of [seeded.planId, synthetic.planId]) {
      log("timing computeCoverage …");
      boardTimings.push(await timeRuns(options.boardRuns, () => computeCoverage({ planId })));
      memory.sample();
    }

    console.log();
    printRow(
      "",
      dialogues.map((d) => d.label),
    );
    printRow(
      "statements",
      dialogues.map((d) => formatInteger(d.parsed.segments.reduce((n, s) => n + s.statements.length, 0))),
    );
    printRow(
      "units (sentences + list items)",
      await Promise.all(dialogues.map(async (d) => formatInteger(await countUnits(prisma, d.id)))),
    );
    printTiming(`suggestSources, limit ${SUGGESTION_LIMIT}`, suggestTimings);

    const planCounts = await Promise.all([seeded.planId, synthetic.planId].map((id) => countPlan(prisma, id)));
    console.log();
    printRow("", ["2009 seeded plan", `synthetic ×${options.copies} plan`]);
    printRow(
      "sections",
      planCounts.map((c) => formatInteger(c.sections)),
    );
    printRow(
      "live links (confirmed + suggested)",
      planCounts.map((c) => formatInteger(c.links)),
    );
    printTiming("computeCoverage (coverage board)", boardTimings);

    console.log();
    console.log("Memory (this process only, not the PostgreSQL server):");
    const now = process.memoryUsage();
    console.log(
      `  RSS now ${formatMegabytes(now.rss)} MB, peak seen ${formatMegabytes(memory.peakRss())} MB; heap used ${formatMegabytes(now.heapUsed)} MB of ${formatMegabytes(now.heapTotal)} MB`,
    );

    console.log();
    console.log(`Targets, judged on ${large.label}:`);
    printVerdict("suggestions p99", findPercentile(suggestTimings[1].samples, 99), TARGET_SUGGEST_P99_MS);
    printVerdict("board p99", findPercentile(boardTimings[1].samples, 99), TARGET_BOARD_P99_MS);
    reportUpperBound({
      name: `suggestions p99, ${large.label}`,
      value: findPercentile(suggestTimings[1].samples, 99),
      unit: "ms",
      limit: TARGET_SUGGEST_P99_MS,
    });
    reportUpperBound({
      name: `coverage board p99, ${large.label}`,
      value: findPercentile(boardTimings[1].samples, 99),
      unit: "ms",
      limit: TARGET_BOARD_P99_MS,
    });
    console.log(
      `(on ${small.label}: suggestions p99 ${formatMs(findPercentile(suggestTimings[0].samples, 99))} ms, board p99 ${formatMs(findPercentile(boardTimings[0].samples, 99))} ms)`,
    );
    console.log();
    console.log(
      'Percentiles are nearest-rank. "cold" is the first call, untimed in the percentiles: for suggestions it',
    );
    console.log(
      "fills suggestSources' per-dialogue cache of lexeme statistics (kept 60 s), so later calls may refill it.",
    );
  });
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      copies: { type: "string", default: "100" },
      passages: { type: "string", default: "200" },
      "board-runs": { type: "string", default: "50" },
    },
  });
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
    return n;
  };
  return {
    copies: positive("copies", values.copies),
    passages: positive("passages", values.passages),
    boardRuns: positive("board-runs", values["board-runs"]),
  };
}

/**
 * `count` plan-like passages: the hand-written gold passages first, then
 * pairs of the dialogue's own sentences (varied by stride), cut to about
 * 40 words, as a drafter's paragraph that borrows from two speakers would be.
 */
function buildPassages(parsed: ParsedDialogue, count: number): string[] {
  const gold = (JSON.parse(readFileSync(GOLD_URL, "utf8")) as { passages: { text: string }[] }).passages.map(
    (p) => p.text,
  );
  const sentences = parsed.segments.flatMap((s) => s.statements.flatMap((st) => st.sentences.map((se) => se.text)));
  const passages = gold.slice(0, count);
  for (let i = 0; passages.length < count; i++) {
    const first = sentences[(i * 7) % sentences.length];
    const second = sentences[(i * 13 + 5) % sentences.length];
    passages.push(`${first} ${second}`.split(/\s+/).slice(0, 40).join(" "));
  }
  return passages;
}

async function timeSuggestions(dialogueId: string, passages: string[]): Promise<Timing> {
  let next = 0;
  return timeRuns(passages.length, () =>
    suggestSources({ dialogueId, text: passages[next++ % passages.length], limit: SUGGESTION_LIMIT }),
  );
}

/** One untimed-in-percentiles cold run, then `runs` timed runs one after another. */
async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<Timing> {
  const time = async () => {
    const start = process.hrtime.bigint();
    await run();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const coldMs = await time();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await time());
  return { samples, coldMs };
}

/**
 * A plan over the large dialogue with BOARD_SECTIONS empty sections and
 * BOARD_LINKS links, half to summary-list items and half to sentences spread
 * over all statements, one in three suggested and the rest confirmed. Each
 * link has its own target, so (sectionId, blockId, targetKey, relation)
 * stays unique.
 */
async function createSyntheticPlan(prisma: PrismaClient, dialogueId: string): Promise<{ planId: string }> {
  const plan = await prisma.plan.create({ data: { dialogueId, title: "Synthetic coverage benchmark plan" } });
  await prisma.planSection.createMany({
    data: Array.from({ length: BOARD_SECTIONS }, (_, n) => ({
      planId: plan.id,
      key: `s-${n + 1}`,
      title: `Section ${n + 1}`,
      position: n,
      content: { type: "doc", content: [] },
      text: "",
      guidance: "",
    })),
  });
  const sections = await prisma.planSection.findMany({
    where: { planId: plan.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const items = await prisma.summaryItem.findMany({
    where: { dialogueId },
    orderBy: [{ list: "asc" }, { position: "asc" }],
    select: { id: true },
  });
  const sentences = await prisma.sentence.findMany({
    where: { dialogueId },
    orderBy: [{ statementId: "asc" }, { position: "asc" }],
    select: { id: true, statementId: true },
  });
  const halfLinks = Math.ceil(BOARD_LINKS / 2);
  if (items.length < halfLinks || sentences.length < halfLinks) {
    throw new Error(
      `the large dialogue is too small for ${BOARD_LINKS} distinct link targets (${items.length} items, ${sentences.length} sentences)`,
    );
  }
  // A stride coprime to the sentence count visits every sentence once, so
  // links land on all statements rather than on the first few.
  const stride = findCoprimeStride(sentences.length, 7);
  const now = new Date();
  const data = Array.from({ length: BOARD_LINKS }, (_, i) => {
    const status = i % 3 === 0 ? ("suggested" as const) : ("confirmed" as const);
    const common = {
      planId: plan.id,
      sectionId: sections[i % BOARD_SECTIONS].id,
      blockId: `b-${Math.floor(i / BOARD_SECTIONS) % 5}`,
      relation: "supports" as const,
      status,
      confirmedAt: status === "confirmed" ? now : null,
      score: status === "suggested" ? 0.1 : null,
    };
    const j = Math.floor(i / 2);
    if (i % 2 === 0) {
      const item = items[j];
      return {
        ...common,
        targetType: "summary_item" as const,
        targetKey: `summary-item:${item.id}`,
        summaryItemId: item.id,
      };
    }
    const sentence = sentences[(j * stride) % sentences.length];
    return {
      ...common,
      targetType: "statement" as const,
      targetKey: `sentence:${sentence.id}`,
      statementId: sentence.statementId,
      sentenceId: sentence.id,
    };
  });
  // In batches, one after another: a single createMany of 5,000 rows goes
  // over PostgreSQL's parameter limit, and Prisma then runs its chunks
  // concurrently on one connection, which pg warns is deprecated.
  for (let at = 0; at < data.length; at += LINK_BATCH)
    await prisma.provenanceLink.createMany({ data: data.slice(at, at + LINK_BATCH) });
  return { planId: plan.id };
}

function findCoprimeStride(n: number, from: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = from;
  while (gcd(stride, n) !== 1) stride++;
  return stride;
}

async function countUnits(prisma: PrismaClient, dialogueId: string): Promise<number> {
  const [sentences, items] = await Promise.all([
    prisma.sentence.count({ where: { dialogueId } }),
    prisma.summaryItem.count({ where: { dialogueId } }),
  ]);
  return sentences + items;
}

async function countPlan(prisma: PrismaClient, planId: string): Promise<{ sections: number; links: number }> {
  const [sections, links] = await Promise.all([
    prisma.planSection.count({ where: { planId } }),
    prisma.provenanceLink.count({ where: { planId, status: { in: ["confirmed", "suggested"] } } }),
  ]);
  return { sections, links };
}

/** Watches RSS between awaits, for the peak. */
function createMemoryWatch(): { sample: () => void; peakRss: () => number } {
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 10);
  timer.unref();
  return { sample, peakRss: () => peak };
}

// ── Report ──────────────────────────────────────────────────────────────────

async function printEnvironment(prisma: PrismaClient, options: Options, server: string): Promise<void> {
  const cpuList = cpus();
  const rows = await prisma.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  console.log(
    `Node ${process.version}, ${cpuList.length} × ${cpuList[0]?.model.trim() ?? "unknown CPU"}; PostgreSQL ${rows[0]?.server_version ?? "unknown"} (${server})`,
  );
  console.log(
    `${options.passages} passages per dialogue, synthetic ×${options.copies}, ${options.boardRuns} coverage runs per plan`,
  );
}

function printTiming(title: string, timings: Timing[]): void {
  printRow(
    title,
    timings.map((t) => `${t.samples.length} runs`),
  );
  printRow(
    "  cold (first call) ms",
    timings.map((t) => formatMs(t.coldMs)),
  );
  for (const p of [50, 95, 99])
    printRow(
      `  p${p} ms`,
      timings.map((t) => formatMs(findPercentile(t.samples, p))),
    );
  printRow(
    "  max ms",
    timings.map((t) => formatMs(Math.max(...t.samples))),
  );
  printRow(
    "  mean ms",
    timings.map((t) => formatMs(t.samples.reduce((a, b) => a + b, 0) / t.samples.length)),
  );
}

function printVerdict(name: string, ms: number, targetMs: number): void {
  const verdict = ms < targetMs ? "met" : `MISSED (×${(ms / targetMs).toFixed(2)} the target)`;
  console.log(`  ${name.padEnd(16)} ${formatMs(ms).padStart(10)} ms  < ${targetMs} ms: ${verdict}`);
}

function printRow(label: string, cells: string[]): void {
  console.log(label.padEnd(38) + cells.map((c) => c.padStart(22)).join(""));
}

function formatMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function formatInteger(value: number): string {
  return value.toLocaleString("en-US");
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
