/**
 * Times parseDialogue and importDialogue on the bundled 2009 document and on
 * a synthetic document of the same family about 100 times larger, and says
 * whether the large one meets its targets (parse < 0.5 s, import < 5 s).
 *
 *   npm run bench:import [-- --runs N] [--copies N] [--annex-copies N] [--budget S]
 *
 * Imports go to a fresh database that is dropped at the end: on the server of
 * DATABASE_URL when it is set, otherwise on an embedded PostgreSQL. Nothing
 * here asserts a timing; a target that is missed is reported, not thrown.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findPercentile, formatMs, log, reportUpperBound, withBenchDatabase } from "./bench-support";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import type { ImportResult } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import type { ParsedDialogue } from "@/lib/dialogue/types";
import { generateSyntheticDialogue, SEED_DIALOGUE_URL } from "./synthetic-dialogue";

const TARGET_PARSE_MS = 500;
const TARGET_IMPORT_MS = 5_000;

const DEFAULT_RUNS = {
  parseSmall: 30,
  parseLarge: 10,
  importSmall: 10,
  importLarge: 5,
  reimportLarge: 10,
  updateLarge: 5,
};

type Document = { label: string; sourceName: string; text: string; bytes: number };

type Sample = { ms: number; heapDelta: number; rssDelta: number };

type Measurement = {
  samples: Sample[];
  /** Highest RSS seen before, during (async work only) and after the runs. */
  peakRss: number;
  /** Why fewer runs were timed than asked for, if they were. */
  note: string | null;
};

type Options = { runs: number | null; copies: number; annexCopies: number | null; budgetMs: number };

const collectGarbage = findGarbageCollector();

async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  const seedText = readFileSync(SEED_DIALOGUE_URL, "utf8");
  const small = createDocument("2009 seed", basename(SEED_DIALOGUE_URL.pathname), seedText);
  const large = createDocument(
    `synthetic ×${options.copies}`,
    `synthetic-dialogue-x${options.copies}.md`,
    generateSyntheticDialogue({ copies: options.copies, annexCopies: options.annexCopies ?? undefined, seedText }),
  );
  const runsOf = (phase: keyof typeof DEFAULT_RUNS) => options.runs ?? DEFAULT_RUNS[phase];

  printEnvironment(options);
  log(`parsing ${small.label} …`);
  const parseSmall = await measure({
    runs: runsOf("parseSmall"),
    budgetMs: options.budgetMs,
    run: () => parseDialogue(small.text),
  });
  log(`parsing ${large.label} …`);
  const parseLarge = await measure({
    runs: runsOf("parseLarge"),
    budgetMs: options.budgetMs,
    run: () => parseDialogue(large.text),
  });
  const parsedSmall = parseSmall.lastResult;
  const parsedLarge = parseLarge.lastResult;

  await withBenchDatabase(async (prisma) => {
    const serverVersion = await readServerVersion(prisma);

    log(`importing ${small.label} …`);
    const importSmall = await measureImport({
      prisma,
      document: small,
      parsed: parsedSmall,
      runs: runsOf("importSmall"),
      options,
    });
    log(`importing ${large.label} …`);
    const importLarge = await measureImport({
      prisma,
      document: large,
      parsed: parsedLarge,
      runs: runsOf("importLarge"),
      options,
    });
    log(`re-importing ${large.label} unchanged …`);
    const reimportLarge = await measureReimport({
      prisma,
      document: large,
      parsed: parsedLarge,
      runs: runsOf("reimportLarge"),
      options,
    });
    log(`importing corrected versions of both …`);
    const updateSmall = await measureUpdate({ prisma, document: small, runs: runsOf("updateLarge"), options });
    const updateLarge = await measureUpdate({ prisma, document: large, runs: runsOf("updateLarge"), options });

    printReport({
      serverVersion,
      documents: [small, large],
      parsed: [parsedSmall, parsedLarge],
      sections: [
        { title: "parseDialogue", cells: [parseSmall, parseLarge] },
        { title: "importDialogue → created", cells: [importSmall, importLarge] },
        { title: "importDialogue → unchanged (no-op)", cells: [null, reimportLarge] },
        { title: "importDialogue → updated (corrected)", cells: [updateSmall, updateLarge] },
      ],
    });
    printTargets({ document: large, parsed: parsedLarge, parse: parseLarge, importing: importLarge });
  });
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string" },
      copies: { type: "string", default: "100" },
      "annex-copies": { type: "string" },
      budget: { type: "string", default: "120" },
    },
  });
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
    return n;
  };
  const budget = Number(values.budget);
  if (!Number.isFinite(budget) || budget < 0)
    throw new Error(`--budget must be a number of seconds, got "${values.budget}"`);
  return {
    runs: values.runs === undefined ? null : positive("runs", values.runs),
    copies: positive("copies", values.copies),
    annexCopies: values["annex-copies"] === undefined ? null : positive("annex-copies", values["annex-copies"]),
    budgetMs: budget * 1000,
  };
}

function createDocument(label: string, sourceName: string, text: string): Document {
  return { label, sourceName, text, bytes: Buffer.byteLength(text, "utf8") };
}

/**
 * Runs `run` once to warm up, then `runs` times, timing each run alone.
 * When the warm-up shows that the runs would take longer than the budget,
 * fewer are timed; a warm-up that alone exceeds the budget is kept as the
 * only sample, since JIT warm-up is noise next to a run that long.
 * `cleanUp` runs untimed after every run, the warm-up included.
 */
async function measure<T>(options: {
  runs: number;
  budgetMs: number;
  run: () => T | Promise<T>;
  cleanUp?: (result: T) => Promise<void>;
}): Promise<Measurement & { lastResult: T }> {
  const { budgetMs, run, cleanUp } = options;
  let peakRss = process.memoryUsage.rss();
  const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));
  // Only sees the event loop between awaits, so it catches peaks inside an
  // import; a synchronous parse is seen through the samples around it.
  const sampler = setInterval(sampleRss, 5);
  try {
    const timeOnce = async (): Promise<{ sample: Sample; result: T }> => {
      collectGarbage?.();
      const before = process.memoryUsage();
      const start = process.hrtime.bigint();
      const result = await run();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const after = process.memoryUsage();
      sampleRss();
      if (cleanUp) await cleanUp(result);
      return { sample: { ms, heapDelta: after.heapUsed - before.heapUsed, rssDelta: after.rss - before.rss }, result };
    };

    const warmUp = await timeOnce();
    const affordable = budgetMs > 0 ? Math.floor(budgetMs / warmUp.sample.ms) : Infinity;
    if (affordable < 1) {
      return {
        samples: [warmUp.sample],
        peakRss,
        lastResult: warmUp.result,
        note: `1 run: the warm-up alone took ${formatMs(warmUp.sample.ms)} ms, over the ${budgetMs / 1000} s budget`,
      };
    }
    const runs = Math.min(options.runs, affordable);
    const samples: Sample[] = [];
    let lastResult = warmUp.result;
    for (let i = 0; i < runs; i++) {
      const timed = await timeOnce();
      samples.push(timed.sample);
      lastResult = timed.result;
    }
    const note = runs < options.runs ? `${runs} of ${options.runs} runs fit the ${budgetMs / 1000} s budget` : null;
    return { samples, peakRss, lastResult, note };
  } finally {
    clearInterval(sampler);
  }
}

/** What an import phase of the benchmark needs. */
type ImportPhase = { prisma: PrismaClient; document: Document; parsed: ParsedDialogue; runs: number; options: Options };

/** Times imports into an empty database: each run's dialogue is deleted (untimed) before the next. */
function measureImport(options: ImportPhase): Promise<Measurement> {
  const { prisma, document, parsed } = options;
  return measure({
    runs: options.runs,
    budgetMs: options.options.budgetMs,
    run: () => importExpecting({ prisma, document, parsed, status: "created" }),
    // Children go by ON DELETE CASCADE.
    cleanUp: async (result) => {
      await prisma.dialogue.delete({ where: { id: result.dialogueId } });
    },
  });
}

/** Times importing a document that is already there, which the content hash makes a no-op. */
async function measureReimport(options: ImportPhase): Promise<Measurement> {
  const { prisma, document, parsed } = options;
  const created = await importExpecting({ prisma, document, parsed, status: "created" });
  try {
    return await measure({
      runs: options.runs,
      budgetMs: options.options.budgetMs,
      run: () => importExpecting({ prisma, document, parsed, status: "unchanged" }),
    });
  } finally {
    await prisma.dialogue.delete({ where: { id: created.dialogueId } });
  }
}

/**
 * Times importing a corrected version over an imported one: the sync path,
 * which deletes, adds and rewrites only what changed. The runs alternate
 * between two versions that differ in a few words of some statements.
 */
async function measureUpdate(options: Omit<ImportPhase, "parsed">): Promise<Measurement> {
  const { prisma, document } = options;
  const corrected = createDocument(
    `${document.label} (corrected)`,
    document.sourceName,
    document.text.replace(/Thus, /g, "Therefore, "),
  );
  const versions = [document, corrected].map((d) => ({ document: d, parsed: parseDialogue(d.text) }));
  const created = await importExpecting({ prisma, ...versions[0], status: "created" });
  let next = 1;
  try {
    return await measure({
      runs: options.runs,
      budgetMs: options.options.budgetMs,
      run: () => {
        const version = versions[next];
        next = 1 - next;
        return importExpecting({ prisma, ...version, status: "updated" });
      },
    });
  } finally {
    await prisma.dialogue.delete({ where: { id: created.dialogueId } });
  }
}

/** Imports, and throws if the import did something else than the timing is meant to measure. */
async function importExpecting(options: {
  prisma: PrismaClient;
  document: Document;
  parsed: ParsedDialogue;
  status: ImportResult["status"];
}): Promise<ImportResult> {
  const { prisma, document, parsed, status } = options;
  const result = await importDialogue({ prisma, parsed, sourceText: document.text, sourceName: document.sourceName });
  if (result.status !== status) {
    throw new Error(
      `importing ${document.label} gave "${result.status}", expected "${status}": the timing would measure the wrong path`,
    );
  }
  return result;
}

async function readServerVersion(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  return rows[0]?.server_version ?? "unknown";
}

/**
 * `gc()` for steadier heap deltas, without asking for `node --expose-gc`
 * (the npm script runs plain `tsx`). Null when the flag cannot be set, and
 * the deltas then include garbage from earlier runs.
 */
function findGarbageCollector(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}

// ── Report ──────────────────────────────────────────────────────────────────

const LABEL_WIDTH = 36;
const CELL_WIDTH = 20;

function printEnvironment(options: Options): void {
  const cpuList = cpus();
  const server = process.env.DATABASE_URL
    ? `the server of DATABASE_URL (${describeServer(process.env.DATABASE_URL)})`
    : "an embedded PostgreSQL";
  console.log(`Node ${process.version}, ${cpuList.length} × ${cpuList[0]?.model.trim() ?? "unknown CPU"}`);
  console.log(`Imports into a fresh database on ${server}; gc between runs: ${collectGarbage ? "yes" : "no"}`);
  console.log(
    `Synthetic document: ${options.copies} copies, annex ×${options.annexCopies ?? options.copies}; phase budget ${options.budgetMs / 1000} s`,
  );
}

/** Host, port and database only: the URL may hold a password. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "unparseable URL";
  }
}

function printReport(report: {
  serverVersion: string;
  documents: [Document, Document];
  parsed: [ParsedDialogue, ParsedDialogue];
  sections: { title: string; cells: [Measurement | null, Measurement] }[];
}): void {
  const { documents, parsed } = report;
  console.log(`PostgreSQL ${report.serverVersion}`);
  console.log();
  printRow(
    "",
    documents.map((d) => d.label),
  );
  printRow(
    "bytes",
    documents.map((d) => formatInteger(d.bytes)),
  );
  printRow(
    "statements",
    parsed.map((p) => formatInteger(countStatements(p))),
  );
  printRow(
    "sentences",
    parsed.map((p) => formatInteger(countSentences(p))),
  );
  printRow(
    "summary list items",
    parsed.map((p) => formatInteger(SUMMARY_LISTS.reduce((n, list) => n + p.summary[list].length, 0))),
  );
  printRow(
    "annex delegations",
    parsed.map((p) => formatInteger(p.delegations.length)),
  );

  for (const section of report.sections) {
    console.log();
    printRow(
      section.title,
      section.cells.map((m) => (m ? `${m.samples.length} run${m.samples.length === 1 ? "" : "s"}` : "–")),
    );
    const stat = (pick: (m: Measurement) => string) => section.cells.map((m) => (m ? pick(m) : "–"));
    const percentileMs = (p: number) =>
      stat((m) =>
        formatMs(
          findPercentile(
            m.samples.map((s) => s.ms),
            p,
          ),
        ),
      );
    printRow("  p50 ms", percentileMs(50));
    printRow("  p95 ms", percentileMs(95));
    printRow("  p99 ms", percentileMs(99));
    printRow(
      "  min ms",
      stat((m) => formatMs(Math.min(...m.samples.map((s) => s.ms)))),
    );
    printRow(
      "  max ms",
      stat((m) => formatMs(Math.max(...m.samples.map((s) => s.ms)))),
    );
    const p50Seconds = (m: Measurement) =>
      findPercentile(
        m.samples.map((s) => s.ms),
        50,
      ) / 1000;
    printRow(
      "  statements/s (p50)",
      section.cells.map((m, i) => (m ? formatInteger(countStatements(parsed[i]) / p50Seconds(m)) : "–")),
    );
    printRow(
      "  MB/s (p50)",
      section.cells.map((m, i) => (m ? formatDecimal(documents[i].bytes / 1e6 / p50Seconds(m), 2) : "–")),
    );
    printRow(
      "  heapUsed Δ MB (p50)",
      stat((m) =>
        formatMegabytes(
          findPercentile(
            m.samples.map((s) => s.heapDelta),
            50,
          ),
        ),
      ),
    );
    printRow(
      "  RSS Δ MB (p50)",
      stat((m) =>
        formatMegabytes(
          findPercentile(
            m.samples.map((s) => s.rssDelta),
            50,
          ),
        ),
      ),
    );
    printRow(
      "  peak RSS MB",
      stat((m) => formatMegabytes(m.peakRss)),
    );
    section.cells.forEach((m, i) => m?.note && console.log(`  note (${documents[i].label}): ${m.note}`));
  }
  console.log();
  console.log("Percentiles are nearest-rank, so with few runs p95 and p99 are the slowest run.");
  console.log(
    "Memory is this process only (parser, Prisma client, pg driver), not the PostgreSQL server. Peak RSS is the",
  );
  console.log("highest RSS seen during the phase, so it includes what earlier phases left on the heap.");
}

function printTargets(options: {
  document: Document;
  parsed: ParsedDialogue;
  parse: Measurement;
  importing: Measurement;
}): void {
  const { document, parse, importing } = options;
  console.log();
  console.log(
    `Targets for ${document.label} (${formatInteger(countStatements(options.parsed))} statements), judged on p95:`,
  );
  for (const [name, measurement, targetMs] of [
    ["parse", parse, TARGET_PARSE_MS],
    ["import", importing, TARGET_IMPORT_MS],
  ] as const) {
    const p95 = findPercentile(
      measurement.samples.map((s) => s.ms),
      95,
    );
    const isMet = p95 < targetMs;
    const ratio = p95 / targetMs;
    const verdict = isMet ? "met" : `MISSED (×${formatDecimal(ratio, ratio < 10 ? 2 : 0)} the target)`;
    console.log(`  ${name.padEnd(7)} ${formatMs(p95).padStart(12)} ms  < ${formatInteger(targetMs)} ms: ${verdict}`);
    reportUpperBound({ name: `import: ${name} p95, ${document.label}`, value: p95, unit: "ms", limit: targetMs });
  }
}

function printRow(label: string, cells: string[]): void {
  console.log(label.padEnd(LABEL_WIDTH) + cells.map((c) => c.padStart(CELL_WIDTH)).join(""));
}

// ── Numbers ─────────────────────────────────────────────────────────────────

function countStatements(parsed: ParsedDialogue): number {
  return parsed.segments.reduce((n, s) => n + s.statements.length, 0);
}

function countSentences(parsed: ParsedDialogue): number {
  return parsed.segments.reduce((n, s) => n + s.statements.reduce((m, st) => m + st.sentences.length, 0), 0);
}

function formatMegabytes(bytes: number): string {
  return formatDecimal(bytes / 1024 / 1024, 1);
}

function formatInteger(value: number): string {
  return formatDecimal(value, 0);
}

function formatDecimal(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
