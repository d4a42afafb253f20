/**
 * How good are source suggestions? Imports the bundled 2009 dialogue into a
 * fresh database, asks `suggestSources` for every passage of each
 * hand-labelled gold set, and scores the answers against the labels — next
 * to a textbook BM25 over the same units (every sentence and every
 * summary-list item), so the numbers have something to be read against.
 *
 *   npx tsx bench/suggest-quality.ts [--gold FILE ...] [--verbose]
 *
 * Without --gold it scores every test/fixtures/provenance-gold*.json: the
 * set the ranker was developed against and the held-out set labelled blind
 * to it, side by side. Labels may name sentences, list items or whole
 * statements (bench/gold-set.ts says how each is scored).
 *
 * Metrics per passage, averaged over passages:
 *   P@5           relevant in the top 5, over 5 (the standard form; a
 *                 passage with fewer than 5 relevant units cannot reach 1);
 *   P@min(5,|R|)  relevant in the top k, over k = min(5, relevant units):
 *                 the same question without that bound;
 *   R@10          labels answered in the top 10, over the labels;
 *   RR            1 / rank of the first relevant unit in the top 10, else 0.
 * Nothing is asserted: a missed target is reported, not thrown.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getPrisma } from "@/lib/db";
import { log, reportFigure, withBenchDatabase } from "./bench-support";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { suggestSources } from "@/lib/provenance/suggest-sources";
import { createBm25Index, rankBm25 } from "./bm25";
import type { Bm25Unit } from "./bm25";
import { findPrecisionCeiling, findRelevantUnits, findUnknownLabels, readGoldSet, scoreRanking } from "./gold-set";
import type { GoldPassage, GoldSet, Scores } from "./gold-set";
import { SEED_DIALOGUE_URL } from "./synthetic-dialogue";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const TARGET_PRECISION_AT_5 = 0.8;
const TARGET_MRR = 0.9;
const DEPTH = 10;
/** Passages with at least this many relevant units can reach precision@5 = 1. */
const FULL_TOP_5 = 5;

const ARGS = parseArgs({
  options: { gold: { type: "string", multiple: true }, verbose: { type: "boolean", default: false } },
}).values;

type Hit = { address: string; text: string };
type Ranker = { name: string; rank: (text: string) => Promise<Hit[]> };
type PassageResult = { passage: GoldPassage; hits: Hit[][]; scores: Scores[] };

async function main(): Promise<void> {
  const goldSets = readGoldFiles().map(readGoldSet);
  const sourceText = readFileSync(SEED_DIALOGUE_URL, "utf8");
  const parsed = parseDialogue(sourceText);
  for (const gold of goldSets) {
    if (gold.dialogueId !== parsed.slug)
      throw new Error(`${gold.name} is labelled for ${gold.dialogueId}, the seed parses as ${parsed.slug}`);
  }

  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue …");
    await importDialogue({ prisma, parsed, sourceText, sourceName: basename(SEED_DIALOGUE_URL.pathname) });
    const units = await readUnits(parsed.slug);
    const addresses = units.map((u) => u.address);
    const bm25 = createBm25Index(units);
    const rankers: Ranker[] = [
      {
        name: "suggestSources",
        rank: async (text) =>
          (await suggestSources({ dialogueId: parsed.slug, text, limit: DEPTH })).map((s) => ({
            address: s.address,
            text: s.snippet,
          })),
      },
      { name: "BM25", rank: async (text) => rankBm25(bm25, text, DEPTH) },
    ];
    console.log(`Dialogue ${parsed.slug}: ${units.length} units (sentences + summary-list items)`);

    for (const gold of goldSets) {
      const unknown = findUnknownLabels(gold, addresses);
      if (unknown.length)
        throw new Error(`${gold.name} names units the dialogue does not have:\n  ${unknown.join("\n  ")}`);
      const results: PassageResult[] = [];
      for (const passage of gold.passages) {
        const hits = await Promise.all(rankers.map((r) => r.rank(passage.text)));
        results.push({
          passage,
          hits,
          scores: hits.map((h) =>
            scoreRanking(
              h.map((hit) => hit.address),
              passage.relevant,
              addresses,
            ),
          ),
        });
      }
      printReport({ gold, addresses, rankers, results });
    }
  });
}

/** The gold files named by --gold, or every provenance-gold*.json fixture. */
function readGoldFiles(): string[] {
  if (ARGS.gold?.length) return ARGS.gold;
  return readdirSync(FIXTURES)
    .filter((name) => /^provenance-gold.*\.json$/.test(name))
    .sort()
    .map((name) => FIXTURES + name);
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

// ── Report ──────────────────────────────────────────────────────────────────

const METRICS: { key: keyof Scores; label: string }[] = [
  { key: "precisionAt5", label: "precision@5" },
  { key: "precisionAtK", label: "precision@min(5,|relevant|)" },
  { key: "recallAt10", label: "recall@10" },
  { key: "reciprocalRank", label: "MRR (first relevant, top 10)" },
];

function printReport(report: {
  gold: GoldSet;
  addresses: string[];
  rankers: Ranker[];
  results: PassageResult[];
}): void {
  const { gold, addresses, rankers, results } = report;
  const relevantCounts = gold.passages.map((p) => findRelevantUnits(p.relevant, addresses).size);
  const full = results.filter((_, i) => relevantCounts[i] >= FULL_TOP_5);
  const meanOf = (rows: PassageResult[], i: number, key: keyof Scores) => mean(rows.map((r) => r.scores[i][key]));
  console.log();
  console.log(`── ${gold.name} ──`);
  console.log(
    `${gold.passages.length} passages; relevant units per passage ${Math.min(...relevantCounts)}–${Math.max(...relevantCounts)}, ` +
      `mean ${formatDecimal(mean(relevantCounts), 2)}; ${full.length} passages have ${FULL_TOP_5} or more`,
  );
  console.log();
  printRow(
    "mean over passages",
    rankers.map((r) => r.name),
  );
  for (const metric of METRICS)
    printRow(
      metric.label,
      rankers.map((_, i) => formatDecimal(meanOf(results, i, metric.key), 3)),
    );
  printRow(
    `precision@5, the ${full.length} with ≥ ${FULL_TOP_5} relevant`,
    rankers.map((_, i) => formatDecimal(meanOf(full, i, "precisionAt5"), 3)),
  );
  printRow(
    "first hit relevant (passages)",
    rankers.map((_, i) => `${results.filter((r) => r.scores[i].reciprocalRank === 1).length}/${results.length}`),
  );
  printRow(
    "no relevant hit in top 10",
    rankers.map((_, i) => String(results.filter((r) => r.scores[i].reciprocalRank === 0).length)),
  );
  console.log(
    `precision@5 cannot exceed ${formatDecimal(findPrecisionCeiling(gold, addresses), 3)} on this set, even for a perfect ranker.`,
  );

  const ours = { p5: meanOf(results, 0, "precisionAt5"), mrr: meanOf(results, 0, "reciprocalRank") };
  const isAhead = (key: keyof Scores) => meanOf(results, 0, key) > meanOf(results, 1, key);
  console.log(
    `Targets: precision@5 ${formatDecimal(ours.p5, 3)} (≥ ${TARGET_PRECISION_AT_5}: ${verdict(ours.p5 >= TARGET_PRECISION_AT_5)}), ` +
      `MRR ${formatDecimal(ours.mrr, 3)} (≥ ${TARGET_MRR}: ${verdict(ours.mrr >= TARGET_MRR)}), ` +
      `ahead of ${rankers[1].name} on both: ${verdict(isAhead("precisionAt5") && isAhead("reciprocalRank"))}`,
  );
  reportFigure({
    name: `suggestions precision@5 (${gold.name})`,
    value: ours.p5,
    unit: "",
    target: `≥ ${TARGET_PRECISION_AT_5}`,
    isMet: ours.p5 >= TARGET_PRECISION_AT_5,
  });
  reportFigure({
    name: `suggestions MRR (${gold.name})`,
    value: ours.mrr,
    unit: "",
    target: `≥ ${TARGET_MRR}`,
    isMet: ours.mrr >= TARGET_MRR,
  });
  printPassages(results, addresses, ARGS.verbose ? () => true : (r) => r.scores[0].reciprocalRank < 1);
}

function verdict(isMet: boolean): string {
  return isMet ? "met" : "MISSED";
}

/** Each chosen passage with our top 5 (relevant ones starred) beside BM25's first hit. */
function printPassages(results: PassageResult[], addresses: string[], isShown: (r: PassageResult) => boolean): void {
  const shown = results.filter(isShown);
  if (!shown.length) return;
  console.log();
  console.log(
    ARGS.verbose
      ? "Every passage:"
      : `Passages whose first hit is not relevant (${shown.length}; --verbose lists all):`,
  );
  for (const { passage, hits, scores } of shown) {
    const relevant = findRelevantUnits(passage.relevant, addresses);
    const mark = (hit: Hit) => (relevant.has(hit.address) ? `${hit.address}*` : hit.address);
    const rank = scores[0].reciprocalRank ? String(Math.round(1 / scores[0].reciprocalRank)) : "none in top 10";
    console.log(
      `  ${passage.id} [${passage.topic ?? ""}] P@5 ${formatDecimal(scores[0].precisionAt5, 1)}, first relevant at ${rank}; BM25 RR ${formatDecimal(scores[1].reciprocalRank, 2)}`,
    );
    console.log(`    passage:  ${truncate(passage.text, 110)}`);
    console.log(`    top 5:    ${hits[0].slice(0, 5).map(mark).join(", ") || "(nothing)"}`);
    console.log(`    relevant: ${passage.relevant.join(", ")}`);
    console.log(`    BM25 1st: ${hits[1][0] ? mark(hits[1][0]) : "(nothing)"}`);
  }
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
