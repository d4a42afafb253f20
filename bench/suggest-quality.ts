/**
 * How good are source suggestions? Imports the bundled 2009 dialogue into a
 * fresh database, asks `suggestSources` for every hand-labelled passage of
 * test/fixtures/provenance-gold.json, and scores the answers against the
 * labels — next to a textbook BM25 over the same units (every sentence and
 * every summary-list item), so the numbers have something to be read against.
 *
 *   npx tsx bench/suggest-quality.ts
 *
 * Metrics per passage, averaged over passages:
 *   P@5           relevant in the top 5, over 5 (the standard form; a
 *                 passage with fewer than 5 relevant units cannot reach 1);
 *   P@min(5,|R|)  relevant in the top k, over k = min(5, |relevant|): the
 *                 same question without that bound;
 *   R@10          relevant in the top 10, over |relevant|;
 *   RR            1 / rank of the first relevant unit in the top 10, else 0.
 * Nothing is asserted: a missed target is reported, not thrown.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { getPrisma } from "@/lib/db";
import { log, reportFigure, withBenchDatabase } from "./bench-support";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { suggestSources } from "@/lib/provenance/suggest-sources";
import { createBm25Index, rankBm25 } from "./bm25";
import type { Bm25Unit } from "./bm25";
import { SEED_DIALOGUE_URL } from "./synthetic-dialogue";

const GOLD_URL = new URL("../test/fixtures/provenance-gold.json", import.meta.url);
const TARGET_PRECISION_AT_5 = 0.8;
const TARGET_MRR = 0.9;
const DEPTH = 10;

type GoldPassage = { id: string; topic?: string; text: string; relevant: string[] };
type Gold = { dialogueId: string; passages: GoldPassage[] };

type Hit = { address: string; text: string };
type Scores = { precisionAt5: number; precisionAtK: number; recallAt10: number; reciprocalRank: number };
type Ranker = { name: string; rank: (text: string) => Promise<Hit[]> };

async function main(): Promise<void> {
  const gold = JSON.parse(readFileSync(GOLD_URL, "utf8")) as Gold;
  const sourceText = readFileSync(SEED_DIALOGUE_URL, "utf8");
  const parsed = parseDialogue(sourceText);
  if (parsed.slug !== gold.dialogueId) throw new Error(`gold labels are for ${gold.dialogueId}, the seed parses as ${parsed.slug}`);

  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue …");
    await importDialogue({ prisma, parsed, sourceText, sourceName: basename(SEED_DIALOGUE_URL.pathname) });

    const units = await readUnits(gold.dialogueId);
    checkLabels(gold, units);
    const bm25 = createBm25Index(units);
    const rankers: Ranker[] = [
      {
        name: "suggestSources",
        rank: async (text) =>
          (await suggestSources({ dialogueId: gold.dialogueId, text, limit: DEPTH })).map((s) => ({ address: s.address, text: s.snippet })),
      },
      { name: "BM25", rank: async (text) => rankBm25(bm25, text, DEPTH) },
    ];

    const results: { passage: GoldPassage; hits: Hit[][]; scores: Scores[] }[] = [];
    for (const passage of gold.passages) {
      const hits = await Promise.all(rankers.map((r) => r.rank(passage.text)));
      results.push({ passage, hits, scores: hits.map((h) => scoreHits(h, passage.relevant)) });
    }
    printReport({ gold, units, rankers, results });
  });
}

/** Every sentence and summary-list item of the dialogue: what both rankers choose from. */
async function readUnits(dialogueId: string): Promise<Bm25Unit[]> {
  const prisma = getPrisma();
  const [sentences, items] = await Promise.all([
    prisma.sentence.findMany({ where: { dialogueId }, select: { key: true, text: true }, orderBy: { key: "asc" } }),
    prisma.summaryItem.findMany({ where: { dialogueId }, select: { key: true, text: true }, orderBy: { key: "asc" } }),
  ]);
  return [...sentences, ...items].map((u) => ({ address: u.key, text: u.text }));
}

/** A label that names no unit would silently lower every score, so it stops the run. */
function checkLabels(gold: Gold, units: Bm25Unit[]): void {
  const known = new Set(units.map((u) => u.address));
  const unknown = gold.passages.flatMap((p) => p.relevant.filter((a) => !known.has(a)).map((a) => `${p.id}: ${a}`));
  if (unknown.length) throw new Error(`gold labels name units the dialogue does not have:\n  ${unknown.join("\n  ")}`);
}

function scoreHits(hits: Hit[], relevant: string[]): Scores {
  const isRelevant = (h: Hit) => relevant.includes(h.address);
  const k = Math.min(5, relevant.length);
  const first = hits.findIndex(isRelevant);
  return {
    precisionAt5: hits.slice(0, 5).filter(isRelevant).length / 5,
    precisionAtK: hits.slice(0, k).filter(isRelevant).length / k,
    recallAt10: hits.slice(0, 10).filter(isRelevant).length / relevant.length,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
  };
}

// ── Report ──────────────────────────────────────────────────────────────────

const METRICS: { key: keyof Scores; label: string }[] = [
  { key: "precisionAt5", label: "precision@5" },
  { key: "precisionAtK", label: "precision@min(5,|relevant|)" },
  { key: "recallAt10", label: "recall@10" },
  { key: "reciprocalRank", label: "MRR (first relevant, top 10)" },
];

function printReport(report: {
  gold: Gold;
  units: Bm25Unit[];
  rankers: Ranker[];
  results: { passage: GoldPassage; hits: Hit[][]; scores: Scores[] }[];
}): void {
  const { gold, units, rankers, results } = report;
  const relevantCounts = gold.passages.map((p) => p.relevant.length);
  const ceiling = mean(relevantCounts.map((n) => Math.min(5, n) / 5));
  console.log(`Dialogue ${gold.dialogueId}: ${units.length} units (sentences + summary-list items)`);
  console.log(
    `Gold: ${gold.passages.length} passages, ${sum(relevantCounts)} relevant labels ` +
      `(${Math.min(...relevantCounts)}–${Math.max(...relevantCounts)} per passage, mean ${formatDecimal(mean(relevantCounts), 2)})`,
  );
  console.log();
  printRow("mean over passages", rankers.map((r) => r.name));
  for (const metric of METRICS) {
    printRow(metric.label, rankers.map((_, i) => formatDecimal(mean(results.map((r) => r.scores[i][metric.key])), 3)));
  }
  printRow("first hit relevant (passages)", rankers.map((_, i) => `${results.filter((r) => r.scores[i].reciprocalRank === 1).length}/${results.length}`));
  printRow("no relevant hit in top 10", rankers.map((_, i) => String(results.filter((r) => r.scores[i].reciprocalRank === 0).length)));
  console.log();
  console.log(`precision@5 cannot exceed ${formatDecimal(ceiling, 3)} on this gold set: ${relevantCounts.filter((n) => n < 5).length} passages have fewer than 5 relevant units.`);

  console.log();
  console.log(`Targets: precision@5 ≥ ${TARGET_PRECISION_AT_5} and MRR ≥ ${TARGET_MRR}, both ahead of ${rankers[1].name}:`);
  const meanOf = (i: number, key: keyof Scores) => mean(results.map((r) => r.scores[i][key]));
  const verdict = (value: number, target: number) => (value >= target ? "met" : "MISSED");
  rankers.forEach((ranker, i) => {
    const p5 = meanOf(i, "precisionAt5");
    const pk = meanOf(i, "precisionAtK");
    const mrr = meanOf(i, "reciprocalRank");
    console.log(
      `  ${ranker.name.padEnd(16)} precision@5 ${formatDecimal(p5, 3)}: ${verdict(p5, TARGET_PRECISION_AT_5)};  ` +
        `precision@min(5,|relevant|) ${formatDecimal(pk, 3)}: ${verdict(pk, TARGET_PRECISION_AT_5)};  MRR ${formatDecimal(mrr, 3)}: ${verdict(mrr, TARGET_MRR)}`,
    );
  });
  const ahead = (key: keyof Scores) => (meanOf(0, key) > meanOf(1, key) ? "ahead" : "NOT ahead");
  console.log(`  ${rankers[0].name} against ${rankers[1].name}: precision@5 ${ahead("precisionAt5")}, MRR ${ahead("reciprocalRank")}`);
  reportFigure({ name: "suggestions precision@5 (gold set)", value: meanOf(0, "precisionAt5"), unit: "", target: `≥ ${TARGET_PRECISION_AT_5}`, isMet: meanOf(0, "precisionAt5") >= TARGET_PRECISION_AT_5 });
  reportFigure({ name: "suggestions MRR (gold set)", value: meanOf(0, "reciprocalRank"), unit: "", target: `≥ ${TARGET_MRR}`, isMet: meanOf(0, "reciprocalRank") >= TARGET_MRR });

  const misses = results.filter((r) => r.scores[0].reciprocalRank < 1);
  console.log();
  console.log(`${rankers[0].name}: passages whose first hit is not relevant (${misses.length})`);
  for (const { passage, hits, scores } of misses) {
    const ours = hits[0];
    const first = ours[0];
    const rank = scores[0].reciprocalRank ? String(Math.round(1 / scores[0].reciprocalRank)) : "none in top 10";
    const bm25First = hits[1][0];
    console.log(`  ${passage.id} [${passage.topic ?? ""}] first relevant at ${rank}; BM25 RR ${formatDecimal(scores[1].reciprocalRank, 2)}`);
    console.log(`    passage:  ${truncate(passage.text, 110)}`);
    console.log(`    returned: ${first ? `${first.address} — ${truncate(first.text, 90)}` : "(nothing)"}`);
    console.log(`    top 5:    ${ours.slice(0, 5).map((h) => mark(h, passage)).join(", ") || "(nothing)"}`);
    console.log(`    relevant: ${passage.relevant.join(", ")}`);
    console.log(`    BM25 1st: ${bm25First ? mark(bm25First, passage) : "(nothing)"}`);
  }
}

/** An address, starred when it is relevant. */
function mark(hit: Hit, passage: GoldPassage): string {
  return passage.relevant.includes(hit.address) ? `${hit.address}*` : hit.address;
}

function printRow(label: string, cells: string[]): void {
  console.log(label.padEnd(34) + cells.map((c) => c.padStart(16)).join(""));
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}


function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function mean(values: number[]): number {
  return values.length ? sum(values) / values.length : 0;
}

function formatDecimal(value: number, digits: number): string {
  return value.toFixed(digits);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
