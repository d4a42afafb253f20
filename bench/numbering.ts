/**
 * What paragraph numbering costs (lib/editor/passages.ts numberParagraphs,
 * components/editor/paragraph-numbers-store.ts). A resolution of 3 sections
 * and a 12-part annex, `--paragraphs` kinded paragraphs each (preambular,
 * operative, sub-paragraphs (a) and (i), plain), is numbered:
 *   - whole, as the plan page does on each server render;
 *   - live, as each keystroke in one section does in the browser: that section
 *     read again (readPassages) and reported to the store, which renumbers the
 *     plan and tells the sections whose numbers changed. Beside it, in the same
 *     run, readPassages alone: what a keystroke cost before numbering.
 * Prints p50/p95/p99, throughput and heap growth. Pure: no database.
 *
 *   npx tsx bench/numbering.ts [--paragraphs 60] [--runs 400]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { JSONContent } from "@tiptap/core";
import { createParagraphNumbersStore } from "@/components/editor/paragraph-numbers-store";
import { readSectionParagraphs } from "@/lib/editor/numbered-sections";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import { findPercentile, formatMs, log, reportUpperBound } from "./bench-support";

const { values } = parseArgs({
  options: { paragraphs: { type: "string", default: "60" }, runs: { type: "string", default: "400" } },
});
const PARAGRAPHS = Number(values.paragraphs);
const RUNS = Number(values.runs);
const KINDS: [string, number][] = [
  ["operative", 1],
  ["subparagraph", 1],
  ["subparagraph", 2],
  ["subparagraph", 1],
  ["operative", 1],
  ["plain", 1],
];

function sectionContent(index: number, isPreamble: boolean): JSONContent {
  return {
    type: "doc",
    content: Array.from({ length: PARAGRAPHS }, (_, i) => {
      const [kind, level] = isPreamble ? ["preambular", 1] : KINDS[i % KINDS.length];
      return {
        type: "paragraph",
        attrs: { blockId: `s${index}p${i}`, kind, level },
        content: [
          { type: "text", text: `Urges Member States to act on point ${i} of section ${index} without delay;` },
        ],
      };
    }),
  };
}

const sections = Array.from({ length: 15 }, (_, index) => ({
  id: `s${index}`,
  part: (index < 3 ? "main" : "annex") as "main" | "annex",
  content: sectionContent(index, index === 0),
}));

function time(runs: number, work: (run: number) => void): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

function row(name: string, samples: number[]): string {
  const total = samples.reduce((sum, ms) => sum + ms, 0);
  const [p50, p95, p99] = [50, 95, 99].map((p) => formatMs(findPercentile(samples, p)));
  return `| ${name} | ${p50} | ${p95} | ${p99} | ${Math.round((samples.length / total) * 1000)} |`;
}

log(`numbering a plan of ${sections.length} sections × ${PARAGRAPHS} paragraphs, ${RUNS} runs each …`);
const heapBefore = process.memoryUsage().heapUsed;
const read = readSectionParagraphs(sections);
const whole = time(RUNS, () => numberParagraphs(read));
const edited = sections[4];
const store = createParagraphNumbersStore(read);
let notified = 0;
for (const section of sections) store.subscribe(section.id, () => notified++);
// Each run moves one paragraph of the edited section to its top, as a drafter might: every number after it moves.
const variants = Array.from({ length: 8 }, (_, shift) => {
  const blocks = [...(edited.content.content ?? [])];
  blocks.unshift(...blocks.splice(shift * 5, 1));
  return { type: "doc", content: blocks } as JSONContent;
});
const readOnly = time(RUNS, (run) => readPassages(variants[run % variants.length]));
const live = time(RUNS, (run) => store.report(edited.id, readPassages(variants[run % variants.length])));
const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

console.log("| what | p50 ms | p95 ms | p99 ms | per s |");
console.log("| --- | --- | --- | --- | --- |");
console.log(row("number the whole plan (server render)", whole));
console.log(row("keystroke before: read the section's passages", readOnly));
console.log(row("keystroke now: read, report, renumber the plan", live));
console.log(`\nparagraphs: ${sections.length * PARAGRAPHS}; sections told of changed numbers: ${notified}`);
console.log(`heap growth over the run: ${heapGrowth.toFixed(1)} MB`);
reportUpperBound({
  name: "live renumbering per keystroke, p95",
  value: findPercentile(live, 95),
  unit: "ms",
  limit: 16,
});
