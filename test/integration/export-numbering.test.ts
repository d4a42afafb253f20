/**
 * Paragraph numbers and the General Assembly's layout in real exports: a
 * resolution seeded from the ga-resolution template, drafted in preambular,
 * operative and sub-paragraphs, exported as Markdown, DOCX, PDF (Chromium,
 * read back with pdftotext) and JSON; a removed section in none of them;
 * empty sections left out on request. And the agreement property's PDF side:
 * for random plans, the PDF's text prints the reader's markers.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { exportPlanFile, ZExportQuery } from "@/lib/export/export-plan-file";
import { renderDocx } from "@/lib/export/render-docx";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { renderPdf } from "@/lib/export/render-pdf";
import { seedPlan } from "@/lib/plan/seed-plan";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import {
  arbitraryNumberedPlan,
  buildNumberedDocument,
  readDocxNumbers,
  readExpectedNumbers,
  readMarkdownNumbers,
  readPdfNumbers,
} from "@/test/support/numbered-plans";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { kindedParagraph } from "@/test/support/kinded-paragraphs";

const run = promisify(execFile);
const REMOVED_WORDS = "Words of a removed section.";
let planId: string;
let dir: string;
let emptyTitle: string;

const paragraph = (blockId: string, kind: string, words: string, level = 1) =>
  kindedParagraph(blockId, kind, words, level);

async function setContent(key: string, ...content: JSONContent[]) {
  await getPrisma().planSection.update({
    where: { planId_key: { planId, key } },
    data: { content: { type: "doc", content } as object },
  });
}

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, pdf);
  // -layout keeps each printed line whole: a marker stands on the line of the words it numbers.
  return (await run("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

setUpSeedDialogue();
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gpa-numbering-"));
  ({ planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID, templateKey: "ga-resolution" }));
  await setContent(
    "preamble",
    paragraph("pp1", "preambular", "Recalling its resolution 64/293"),
    paragraph("pp2", "preambular", "Noting with concern the rise in trafficking."),
  );
  await setContent(
    "operative",
    paragraph("op1", "operative", "Adopts the Global Plan of Action annexed to the present resolution"),
    paragraph("op2", "operative", "Calls upon Member States"),
    paragraph("op2a", "subparagraph", "to ratify the Protocol"),
    paragraph("op3", "operative", "Requests the Secretary-General to report"),
  );
  const annex = await getPrisma().planSection.findMany({
    where: { planId, part: "annex" },
    orderBy: { position: "asc" },
  });
  await setContent(
    annex[0].key,
    paragraph("an1", "operative", "Promote research"),
    paragraph("an2", "operative", "Take measures"),
  );
  await setContent(annex[1].key, paragraph(`${annex[1].key}.guidance`, "plain", annex[1].guidance));
  emptyTitle = annex[1].title;
  await setContent(annex[2].key, paragraph("gone", "operative", REMOVED_WORDS));
  await getPrisma().planSection.update({ where: { id: annex[2].id }, data: { removedAt: new Date() } });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a resolution's export", () => {
  it("is laid out as the General Assembly's in Markdown, numbered by the reader", async () => {
    const markdown = (await exportPlanFile({ planId, format: "md" })).body.toString();
    const order = [
      "A/…/L.…",
      "The General Assembly,",
      "*Recalling* its resolution 64/293,",
      "*Noting with concern* the rise in trafficking,",
      "1\\. *Adopts* the Global Plan",
      "2\\. *Calls upon* Member States:",
      "(a) to ratify the Protocol;",
      "3\\. *Requests* the Secretary-General to report.",
      "## Annex",
      "1\\. *Promote* research;",
      "2\\. *Take* measures",
      "## Sources",
    ];
    const at = order.map((words) => markdown.indexOf(words));
    expect(Object.fromEntries(order.map((words, i) => [words, at[i] >= 0]))).toEqual(
      Object.fromEntries(order.map((words) => [words, true])),
    );
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(markdown).not.toContain(REMOVED_WORDS);
    expect(markdown).toContain(emptyTitle);
  });

  it("numbers operative paragraphs in Word's own numbering, the annex from 1 again", async () => {
    const docx = (await exportPlanFile({ planId, format: "docx" })).body;
    const numbers = readDocxNumbers(
      docx,
      /^(?:Recalling|Adopts|Calls upon|to ratify|Requests|Promote research|Take measures)/,
    );
    expect(numbers.map(({ blockId, marker }) => [blockId, marker])).toEqual([
      ["Recalling", null],
      ["Adopts", "1."],
      ["Calls upon", "2."],
      ["to ratify", "(a)"],
      ["Requests", "3."],
      ["Promote research", "1."],
      ["Take measures", "2."],
    ]);
  });

  it("prints the symbol, the chapeau, the numbers, the annex and the sources in the PDF", async () => {
    const text = (await pdfText((await exportPlanFile({ planId, format: "pdf" })).body, "resolution.pdf")).replace(
      /\s+/g,
      " ",
    );
    for (const words of ["A/…/L.…", "The General Assembly,", "1. Adopts", "(a) to ratify", "Annex", "Sources"])
      expect(text).toContain(words);
    expect(text).not.toContain(REMOVED_WORDS);
  });

  it("leaves empty sections out on request, in print and in JSON", async () => {
    const markdown = (await exportPlanFile({ planId, format: "md", isOmittingEmpty: true })).body.toString();
    expect(markdown).not.toContain(emptyTitle);
    expect(markdown).toContain("1\\. *Promote* research;");
    const json = JSON.parse((await exportPlanFile({ planId, format: "json", isOmittingEmpty: true })).body.toString());
    expect(json.sections.map((s: { title: string }) => s.title)).not.toContain(emptyTitle);
    await expect(exportPlanFile({ planId, format: "backup", isOmittingEmpty: true })).rejects.toThrow(/omit-empty/);
    expect(ZExportQuery.parse({ format: "md", omitEmpty: "true" }).omitEmpty).toBe(true);
    expect(ZExportQuery.parse({ format: "md" }).omitEmpty).toBe(false);
    expect(() => ZExportQuery.parse({ format: "md", omitEmpty: "perhaps" })).toThrow();
  });

  it("gives each passage of the JSON export its kind, marker and reference", async () => {
    const json = JSON.parse((await exportPlanFile({ planId, format: "json" })).body.toString());
    const passages = json.sections.flatMap((s: { passages: unknown[] }) => s.passages);
    expect(passages).toContainEqual({
      blockId: "op2a",
      type: "paragraph",
      kind: "subparagraph",
      level: 1,
      marker: "(a)",
      reference: "OP 2 (a)",
      status: "pending",
      text: "to ratify the Protocol",
      footnotes: [],
      brackets: [],
    });
    expect(passages).toContainEqual(expect.objectContaining({ blockId: "an2", marker: "2.", reference: "Annex 2" }));
    expect(passages).toContainEqual(expect.objectContaining({ blockId: "pp1", marker: null, reference: "PP 1" }));
    expect(json.sections.find((s: { key: string }) => s.key === "operative").part).toBe("main");
    expect(JSON.stringify(json)).not.toContain(REMOVED_WORDS);
  });
});

describe("paragraph numbers in the PDF", () => {
  it("are the reader's, as in the Markdown and in Word, for random plans", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryNumberedPlan(), async (plan) => {
        const expected = readExpectedNumbers(plan).map(({ blockId, marker }) => ({ blockId, marker }));
        const document = buildNumberedDocument(plan);
        const strip = (reading: { blockId: string; marker: string | null }[]) =>
          reading.map(({ blockId, marker }) => ({ blockId, marker }));
        expect(strip(readMarkdownNumbers(renderMarkdown({ document })))).toEqual(expected);
        expect(strip(readDocxNumbers(await renderDocx({ document })))).toEqual(expected);
        expect(readPdfNumbers(await pdfText(await renderPdf({ document }), `random-${n++}.pdf`))).toEqual(expected);
      }),
      // Each run prints with Chromium (about a second).
      { numRuns: 5 },
    );
  }, 120_000);
});
