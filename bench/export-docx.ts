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
 *   npm run bench:export [-- --sections 200 --runs 10 --pdf-runs 3]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { JSONContent } from "@tiptap/core";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import type { TExportFormat } from "@/lib/export/export-plan-file";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { resetToSeedDialogue, SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { findPercentile, formatMs, log, withBenchDatabase } from "./bench-support";

const WORDS = "the plan shall strengthen prevention protection prosecution and partnership against trafficking in persons with resources data and victim centred cooperation".split(" ");

function sentenceOf(seed: number, length: number): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return words.join(" ").replace(/^./, (c) => c.toUpperCase());
}

async function createLargePlan(prisma: PrismaClient, sectionCount: number): Promise<string> {
  const sentences = await prisma.sentence.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, orderBy: { id: "asc" } });
  const items = await prisma.summaryItem.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, orderBy: { id: "asc" } });
  const statements = await prisma.statement.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, orderBy: { id: "asc" } });
  const plan = await prisma.plan.create({ data: { dialogueId: SEED_DIALOGUE_ID, title: "Global Plan of Action (benchmark, 200 sections)" } });
  const sections: Prisma.PlanSectionCreateManyInput[] = [];
  const links: Prisma.ProvenanceLinkCreateManyInput[] = [];
  for (let s = 0; s < sectionCount; s++) {
    const sectionId = `bench-section-${s}`;
    const key = `section-${s}`;
    const cite = (b: number) => {
      const blockId = `${key}.b${b}`;
      const sentence = sentences[(s * 6 + b) % sentences.length];
      const linkId = `bench-link-${s}-${b}`;
      links.push({
        id: linkId, planId: plan.id, sectionId, blockId, quoteExact: sentenceOf(s + b, 12), targetType: "statement", targetKey: `sentence:${sentence.id}`,
        statementId: sentence.statementId, sentenceId: sentence.id, relation: "quotes", status: "confirmed", cited: true, confirmedAt: new Date(),
      });
      return { blockId, content: [{ type: "text", text: `${sentenceOf(s * 10 + b, 60)}.` }, { type: "citation", attrs: { linkId } }] as JSONContent[] };
    };
    const paragraphs = [0, 1, 2].map((b) => {
      const { blockId, content } = cite(b);
      return { type: "paragraph", attrs: { blockId }, content };
    });
    const list = {
      type: "bulletList",
      content: [3, 4, 5].map((b) => {
        const { blockId, content } = cite(b);
        return { type: "listItem", attrs: { blockId }, content: [{ type: "paragraph", attrs: { blockId: `${blockId}.p` }, content }] };
      }),
    };
    for (let i = 0; i < 2; i++) {
      const item = items[(s * 2 + i) % items.length];
      links.push({
        planId: plan.id, sectionId, blockId: `${key}.b${i}`, quoteExact: "", targetType: "summary_item", targetKey: `summary-item:${item.id}`,
        summaryItemId: item.id, relation: "derived_from", status: "confirmed", confirmedAt: new Date(),
      });
    }
    for (let i = 0; i < 3; i++) {
      const statement = statements[(s * 3 + i) % statements.length];
      links.push({
        planId: plan.id, sectionId, blockId: "", targetType: "statement", targetKey: `statement:${statement.id}`,
        statementId: statement.id, relation: "supports", status: "suggested", score: 1 / (i + 1),
      });
    }
    const content = { type: "doc", content: [...paragraphs, list] };
    sections.push({ id: sectionId, planId: plan.id, key, title: `Section ${s + 1}: ${sentenceOf(s, 5)}`, position: s, guidance: "", content, text: sentenceOf(s, 300) });
  }
  await prisma.planSection.createMany({ data: sections });
  await prisma.provenanceLink.createMany({ data: links });
  log(`plan: ${sectionCount} sections, ${links.length} links`);
  return plan.id;
}

type Figures = { format: TExportFormat; runs: number; p50: number; p95: number; p99: number; bytes: number; heapPeakMb: number; rssPeakMb: number };

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
    format, runs, p50: findPercentile(times, 50), p95: findPercentile(times, 95), p99: findPercentile(times, 99), bytes,
    heapPeakMb: heapPeak / 1024 / 1024, rssPeakMb: rssPeak / 1024 / 1024,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sections: { type: "string", default: "200" }, runs: { type: "string", default: "10" }, "pdf-runs": { type: "string", default: "3" } } });
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue …");
    await resetToSeedDialogue();
    const planId = await createLargePlan(prisma, Number(values.sections));
    const results: Figures[] = [];
    // PDF's memory is mostly Chromium's, another process; its heap figure is ours only.
    for (const format of ["docx", "md", "json", "pdf"] as const) {
      log(`exporting ${format} …`);
      results.push(await measure(planId, format, format === "pdf" ? Number(values["pdf-runs"]) : Number(values.runs)));
    }
    console.log(`Export of a ${values.sections}-section plan (1 warm-up run, then the runs below; whole export: read, build, render)\n`);
    console.log("| format | runs | p50 | p95 | p99 | file | heap growth, peak | process RSS, peak |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of results) {
      console.log(`| ${r.format} | ${r.runs} | ${formatMs(r.p50)} ms | ${formatMs(r.p95)} ms | ${formatMs(r.p99)} ms | ${(r.bytes / 1024).toFixed(0)} KB | ${r.heapPeakMb.toFixed(0)} MB | ${r.rssPeakMb.toFixed(0)} MB |`);
    }
    const docx = results[0];
    console.log(`\nDOCX p95 ${formatMs(docx.p95)} ms: ${docx.p95 < 3000 ? "within" : "OVER"} the 3 s target.`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
