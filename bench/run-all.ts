/**
 * `npm run bench`: every benchmark under bench/, one after another, each in
 * its own process (so one's memory and warm caches do not flatter the
 * next), with its full output, then one summary table of the headline
 * figures: value, target, and whether it is met. A missed target is
 * reported, never thrown; a benchmark that crashes or times out makes the
 * run exit 1. See bench/README.md for what each one measures.
 *
 *   npm run bench [-- --only comments,versions]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { FIGURE_PREFIX } from "./bench-support";
import type { Figure } from "./bench-support";

type Benchmark = { name: string; script: string; nodeArgs?: string[]; timeoutMinutes: number };

/** In the order a reader meets the features: import, suggestions, editing, comments, amendments, versions, export; then the pages in a browser, then the whole app under load. */
export const BENCHMARKS: Benchmark[] = [
  { name: "import", script: "bench/import.ts", timeoutMinutes: 10 },
  { name: "seed", script: "bench/seed.ts", timeoutMinutes: 10 },
  { name: "numbering", script: "bench/numbering.ts", timeoutMinutes: 2 },
  { name: "suggest-quality", script: "bench/suggest-quality.ts", timeoutMinutes: 5 },
  { name: "suggest-latency", script: "bench/suggest-latency.ts", timeoutMinutes: 15 },
  { name: "collab", script: "bench/collab-latency.ts", timeoutMinutes: 10 },
  { name: "socket-gate", script: "bench/socket-gate.ts", timeoutMinutes: 2 },
  { name: "comments", script: "bench/comment-latency.ts", timeoutMinutes: 5 },
  { name: "amendments", script: "bench/amendment-latency.ts", timeoutMinutes: 5 },
  { name: "versions", script: "bench/version-diff.ts", timeoutMinutes: 5 },
  { name: "revision", script: "bench/revision.ts", timeoutMinutes: 5 },
  { name: "export", script: "bench/export-docx.ts", nodeArgs: ["--expose-gc"], timeoutMinutes: 10 },
  { name: "pages", script: "bench/pages.ts", timeoutMinutes: 15 },
  { name: "page-throughput", script: "bench/page-throughput.ts", timeoutMinutes: 10 },
  // Last: it loads the whole machine. Both build the app for production first, unless .next is current.
  { name: "load", script: "bench/load.ts", timeoutMinutes: 15 },
];

type Outcome = { benchmark: Benchmark; figures: Figure[]; status: "ok" | "failed" | "timed out"; seconds: number };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const only = values.only?.split(",").map((name) => name.trim());
  const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    return 2;
  }
  const outcomes: Outcome[] = [];
  for (const benchmark of BENCHMARKS.filter((b) => !only || only.includes(b.name)))
    outcomes.push(await runBenchmark(benchmark));
  printSummary(outcomes);
  return outcomes.every((o) => o.status === "ok") ? 0 : 1;
}

/** Runs one benchmark, passing its output through and keeping its FIGURE lines. */
function runBenchmark(benchmark: Benchmark): Promise<Outcome> {
  console.log(`\n━━ ${benchmark.name} (${benchmark.script}) ━━`);
  const started = Date.now();
  const child = spawn(process.execPath, [...(benchmark.nodeArgs ?? []), "--import", "tsx", benchmark.script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const figures: Figure[] = [];
  let pending = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(FIGURE_PREFIX)) figures.push(JSON.parse(line.slice(FIGURE_PREFIX.length)) as Figure);
      else process.stdout.write(`${line}\n`);
    }
  });
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    child.kill("SIGTERM");
  }, benchmark.timeoutMinutes * 60_000);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      const status = isTimedOut ? "timed out" : code === 0 ? "ok" : "failed";
      resolve({ benchmark, figures, status, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function printSummary(outcomes: Outcome[]): void {
  const rows: string[][] = [["benchmark", "figure", "value", "target", "met"]];
  for (const { benchmark, figures, status, seconds } of outcomes) {
    if (status !== "ok") rows.push([benchmark.name, `${status} after ${seconds.toFixed(0)} s`, "–", "–", "–"]);
    for (const figure of figures) {
      const met = figure.isMet === undefined ? "–" : figure.isMet ? "yes" : "NO";
      rows.push([
        benchmark.name,
        figure.name,
        `${formatValue(figure.value)} ${figure.unit}`.trim(),
        figure.target ?? "–",
        met,
      ]);
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(`\n━━ Summary (${new Date().toISOString()}) ━━`);
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join("  "),
    );
    if (i === 0) console.log(widths.map((w) => "─".repeat(w)).join("  "));
  }
}

function formatValue(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(1) : value.toFixed(3);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
