/**
 * How long does exporting a large plan take? A 200-section plan drawn from
 * the 2009 dialogue: each section has 3 paragraphs and a 3-item list, every
 * passage cites a sentence inline (a footnote), and each section has 2
 * confirmed sources it does not cite (footnotes at the end of their passage)
 * and 3 suggested ones (annex only): 1,200 inline citations, 1,600 footnotes,
 * 2,200 annex rows. DOCX is the target (< 3 s); Markdown, JSON and PDF are
 * timed beside it. Each run is the whole export: reading the plan, building
 * the document model and rendering the file.
 *
 *   npm run bench:export [-- --sections 200 --runs 20 --pdf-runs 5]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import type { TExportFormat } from "@/lib/export/export-plan-file";
import { resetToSeedDialogue } from "@/test/support/seed-database";
import { findPercentile, formatMs, log, reportUpperBound, withBenchDatabase } from "./bench-support";
import { createLargePlan } from "./large-plan";

type Figures = {
  format: TExportFormat;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  heapPeakMb: number;
  rssPeakMb: number;
};

/** Collects garbage when node runs with --expose-gc (npm run bench:export does), so each format's peak is its own. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

async function measure(planId: string, format: TExportFormat, runs: number): Promise<Figures> {
  await exportPlanFile({ planId, format }); // warm-up: module loading, JIT, the first connection
  collectGarbage();
  const heapBase = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let bytes = 0;
  let heapPeak = 0;
  let rssPeak = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed - heapBase);
    rssPeak = Math.max(rssPeak, usage.rss);
  };
  const sampler = setInterval(sample, 5);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const file = await exportPlanFile({ planId, format });
    times.push(performance.now() - start);
    bytes = file.body.length;
    sample();
  }
  clearInterval(sampler);
  return {
    format,
    runs,
    p50: findPercentile(times, 50),
    p95: findPercentile(times, 95),
    p99: findPercentile(times, 99),
    bytes,
    heapPeakMb: heapPeak / 1024 / 1024,
    rssPeakMb: rssPeak / 1024 / 1024,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sections: { type: "string", default: "200" },
      runs: { type: "string", default: "20" },
      "pdf-runs": { type: "string", default: "5" },
    },
  });
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue …");
    await resetToSeedDialogue();
    const planId = await createLargePlan(prisma, Number(values.sections));
    const results: Figures[] = [];
    // PDF's memory is mostly Chromium's, another process; its heap figure is ours only.
    for (const format of ["docx", "md", "json", "backup", "pdf"] as const) {
      log(`exporting ${format} …`);
      results.push(await measure(planId, format, format === "pdf" ? Number(values["pdf-runs"]) : Number(values.runs)));
    }
    console.log(
      `Export of a ${values.sections}-section plan (1 warm-up run, then the runs below; whole export: read, build, render)\n`,
    );
    console.log("| format | runs | p50 | p95 | p99 | file | heap growth, peak | process RSS, peak |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of results) {
      console.log(
        `| ${r.format} | ${r.runs} | ${formatMs(r.p50)} ms | ${formatMs(r.p95)} ms | ${formatMs(r.p99)} ms | ${(r.bytes / 1024).toFixed(0)} KB | ${r.heapPeakMb.toFixed(0)} MB | ${r.rssPeakMb.toFixed(0)} MB |`,
      );
    }
    const docx = results[0];
    console.log(`\nDOCX p95 ${formatMs(docx.p95)} ms: ${docx.p95 < 3000 ? "within" : "OVER"} the 3 s target.`);
    reportUpperBound({
      name: `DOCX export p95, ${values.sections} sections`,
      value: docx.p95,
      unit: "ms",
      limit: 3000,
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
