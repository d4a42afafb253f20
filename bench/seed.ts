/**
 * Times seeding a draft from a dialogue, side by side for each template and each dialogue of the family (the 2009
 * one and the fixtures of test/fixtures/dialogues): the placement of every list item alone (reading lexemes,
 * matching), and the whole seeding (sections, links, the seeding report, the concern register, suggestions), in a
 * transaction rolled back after each run so every run seeds from nothing. Prints p50/p95/p99, plans per second, the
 * heap and RSS, and how many items fell back.
 *
 *   npm run bench:seed [-- --runs N]
 *
 * Nothing here asserts a timing; the target (a seeding under 2 s at p95, so the button answers at once) is reported.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { findPercentile, formatMs, log, reportUpperBound, withBenchDatabase } from "./bench-support";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { placeDialogueItems, writePlan } from "@/lib/plan/seed-plan";
import { PLAN_TEMPLATES } from "@/lib/plan/templates";

const TARGET_SEED_MS = 2_000;
const FILES = [
  "prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md",
  ...readdirSync("test/fixtures/dialogues")
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join("test/fixtures/dialogues", f)),
];

/** Thrown to roll a run's transaction back once it is timed. */
class RollBack extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: "string" } } });
  const runs = Number(values.runs ?? 10);
  await withBenchDatabase(async (prisma) => {
    const dialogues: { label: string; id: string }[] = [];
    for (const file of FILES) {
      const input = await readDialogueFile(file);
      const { dialogueId } = await importDialogue({ prisma, ...input, sourceName: path.basename(file) });
      dialogues.push({ label: path.basename(file, ".md").replace(/^ga-dialogue-/, ""), id: dialogueId });
    }
    const rows: string[] = [];
    let worstSeedP95 = 0;
    for (const template of PLAN_TEMPLATES) {
      for (const dialogue of dialogues) {
        const place = await time(runs, () =>
          getPrisma().$transaction((tx) => placeDialogueItems(tx, { dialogueId: dialogue.id, template })),
        );
        const seed = await time(runs, () => seedRolledBack(dialogue.id, template.key));
        const placed = await getPrisma().$transaction((tx) =>
          placeDialogueItems(tx, { dialogueId: dialogue.id, template }),
        );
        const fellBack = placed.filter(
          (i) => i.placements.every((p) => p.method === "fallback") && i.placements.length,
        );
        worstSeedP95 = Math.max(worstSeedP95, findPercentile(seed.ms, 95));
        rows.push(
          [
            template.key.padEnd(15),
            dialogue.label.padEnd(40),
            String(placed.length).padStart(5),
            String(fellBack.length).padStart(4),
            ...[50, 95, 99].map((p) => formatMs(findPercentile(place.ms, p)).padStart(8)),
            ...[50, 95, 99].map((p) => formatMs(findPercentile(seed.ms, p)).padStart(8)),
            (1000 / findPercentile(seed.ms, 50)).toFixed(1).padStart(7),
            `${(seed.peakHeap / 1024 / 1024).toFixed(0)}/${(seed.peakRss / 1024 / 1024).toFixed(0)}`.padStart(9),
          ].join(" "),
        );
      }
    }
    console.log(`seeding, ${runs} runs each (ms; plans/s at p50; peak heap/RSS MB)`);
    console.log(
      "template        dialogue                                 items back place50  place95  place99   seed50   seed95   seed99 plans/s   MB h/r",
    );
    for (const row of rows) console.log(row);
    reportUpperBound({
      name: "seed a plan, p95 (worst dialogue and template)",
      value: worstSeedP95,
      unit: "ms",
      limit: TARGET_SEED_MS,
    });
  });
}

/** Seeds the dialogue with the template from nothing, then rolls the whole plan back. */
async function seedRolledBack(dialogueId: string, templateKey: string): Promise<void> {
  try {
    await getPrisma().$transaction(
      async (tx) => {
        await writePlan(tx, { dialogueId, templateKey });
        throw new RollBack();
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
}

async function time(runs: number, run: () => Promise<unknown>) {
  await run(); // warm-up: module loading, the first statements prepared
  const ms: number[] = [];
  let peakHeap = 0;
  let peakRss = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
    const memory = process.memoryUsage();
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    peakRss = Math.max(peakRss, memory.rss);
  }
  return { ms, peakHeap, peakRss };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
