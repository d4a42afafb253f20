/**
 * Random plans with every kind of paragraph (plain, preambular, operative,
 * sub-paragraphs (a) and (i)), headings, quotes and lists, over sections of
 * both parts, and readers that read the paragraph numbers back out of each
 * export format: the agreement property of test/unit/paragraph-numbers-agree.test.ts
 * and test/integration/export.test.ts.
 *
 * Every passage's block id is a word of its own text ("zq12x"), so each format
 * is read by its printed words alone: no format needs to carry ids for the
 * test's sake.
 */
import fc from "fast-check";
import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import type { NumberingPart } from "@/lib/editor/passages";
import { planSchema } from "@/lib/editor/plan-document";
import { buildSections } from "@/lib/export/build-export-sections";
import type { TExportDocument, TExportLayout } from "@/lib/export/export-document";
import { readZipEntry } from "./read-zip-entry";
import { toLetters, toRoman } from "@/lib/editor/passages";

export type TNumberedPlan = {
  layout: TExportLayout;
  sections: { key: string; title: string; part: NumberingPart; content: JSONContent }[];
};

/** Per passage in reading order: its id, the number printed before it (or null), and the ending printed after it. */
export type TNumberReading = { blockId: string; marker: string | null; ending?: string }[];

const TOKEN = /\bzq\d+x/g;

/** A random plan: 1 to 4 sections, main ones first, then the annex's. */
export function arbitraryNumberedPlan(): fc.Arbitrary<TNumberedPlan> {
  let next = 0;
  const token = () => `zq${next++}x`;
  const words = fc.tuple(
    fc.constantFrom("", "Recalling ", "Noting with concern ", "Calls upon ", "Adopts ", "Further "),
    fc.constantFrom("", " more words", " and so on"),
    fc.constantFrom("", ".", ";", ",", ":", " ."),
    fc.option(fc.constantFrom("l0", "l1", "l2")),
  );
  const inline = (id: string) =>
    words.map(([opening, tail, closing, cited]) => [
      { type: "text", text: `${opening}${id}${tail}${closing}` },
      ...(cited ? [{ type: "citation", attrs: { linkId: cited } }] : []),
    ]);
  const styles: [string, number][] = [
    ["plain", 1],
    ["preambular", 1],
    ["operative", 1],
    ["subparagraph", 1],
    ["subparagraph", 2],
  ];
  const paragraph = fc.tuple(fc.constantFrom(...styles), fc.constant(null)).chain(([[kind, level]]) => {
    const id = token();
    return inline(id).map((content) => ({ type: "paragraph", attrs: { blockId: id, kind, level }, content }));
  });
  const heading = fc.constant(null).chain(() => {
    const id = token();
    return inline(id).map((content) => ({ type: "heading", attrs: { blockId: id, level: 2 }, content }));
  });
  const list = (depth: number): fc.Arbitrary<JSONContent> =>
    fc
      .tuple(
        fc.constantFrom("bulletList", "orderedList"),
        fc.constantFrom(1, 1, 3),
        fc.array(depth < 1 ? fc.option(fc.constant(null).chain(() => list(depth + 1))) : fc.constant(null), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([type, start, items]) => ({
        type,
        ...(type === "orderedList" ? { attrs: { start } } : {}),
        content: items.map((nested) => {
          const id = token();
          const text = { type: "paragraph", attrs: { blockId: `in${id}` }, content: [{ type: "text", text: id }] };
          return { type: "listItem", attrs: { blockId: id }, content: nested ? [text, nested] : [text] };
        }),
      }));
  const block = fc.oneof(
    { weight: 8, arbitrary: paragraph },
    { weight: 1, arbitrary: heading },
    { weight: 1, arbitrary: paragraph.map((p) => ({ type: "blockquote", content: [p] })) },
    { weight: 2, arbitrary: fc.constant(null).chain(() => list(0)) },
  );
  const section = fc.tuple(fc.constantFrom<NumberingPart>("main", "annex"), fc.array(block, { maxLength: 8 }));
  return fc
    .tuple(fc.constantFrom<TExportLayout>("plan", "resolution"), fc.array(section, { minLength: 1, maxLength: 4 }))
    .map(([layout, sections]) => ({
      layout,
      sections: [...sections]
        .sort(([a], [b]) => Number(a === "annex") - Number(b === "annex"))
        .map(([part, blocks], index) => ({
          key: `s${index}`,
          title: `Section ${index}`,
          part,
          content: { type: "doc", content: blocks },
        })),
    }));
}

/** (i) The reader: numberParagraphs over the passages of the editor's own documents (its schema's nodes). */
export function readExpectedNumbers(plan: TNumberedPlan): TNumberReading {
  const sections = plan.sections.map((section) => ({
    part: section.part,
    passages: readPassages(PmNode.fromJSON(planSchema, section.content)),
  }));
  const numbers = numberParagraphs(sections);
  return sections.flatMap(({ passages }) =>
    passages.map((passage) => {
      const number = numbers.get(passage.blockId);
      if (number) return { blockId: passage.blockId, marker: number.marker, ending: number.ending };
      const isOrdered = passage.list?.marker && passage.list.marker !== "•";
      return { blockId: passage.blockId, marker: isOrdered ? passage.list!.marker : null };
    }),
  );
}

/** The plan as the export model, the way buildExportDocument builds it (no database: sources unnamed). */
export function buildNumberedDocument(plan: TNumberedPlan): TExportDocument {
  const { sections, footnotes } = buildSections({
    sections: plan.sections.map((section) => ({ id: section.key, ...section })),
    links: [],
    sources: new Map(),
    layout: plan.layout,
  });
  return {
    planId: "p",
    title: "Numbered plan",
    dialogueTitle: "Dialogue",
    versionLabel: null,
    date: new Date("2026-11-30T00:00:00Z"),
    layout: plan.layout,
    sections,
    footnotes,
    annex: [],
  };
}

/** (ii) Markdown: each passage is a line (a list item, a heading, a paragraph); "4\." is a numbered paragraph. */
export function readMarkdownNumbers(markdown: string): TNumberReading {
  return markdown
    .split("\n")
    .filter((line) => !line.startsWith("[^"))
    .flatMap((line) => {
      const blockId = line.match(TOKEN)?.[0];
      if (!blockId) return [];
      const found = /^[\s>]*(?:(\d+)\\\.|(\d+\.) |(\([a-z]+\)) )/.exec(line);
      const marker = found ? (found[1] ? `${found[1]}.` : (found[2] ?? found[3])) : null;
      return [{ blockId, marker, ending: endingOf(line.replace(/\[\^\d+\]/g, "")) }];
    });
}

/** The last character of the words, past footnote numbers: the ending print gave the passage. */
function endingOf(text: string): string {
  return text.replace(/[\d\s]+$/u, "").slice(-1);
}

type TLevel = { start: number; format: string; text: string };

/**
 * (iii) DOCX, read as Word numbers it: the numbering definitions of word/numbering.xml (each instance's levels
 * with their start, format and text, and the instance's start overrides), then the paragraphs of
 * word/document.xml in order, counting each instance's levels as Word does: a level counts on from its start,
 * and using it restarts every level below it. `passage` finds the paragraphs to read and names them (the block
 * id in the words, by default).
 */
export function readDocxNumbers(docx: Buffer, passage: RegExp = TOKEN): TNumberReading {
  const instances = readNumbering(readZipEntry(docx, "word/numbering.xml"));
  const counters = new Map<string, (number | undefined)[]>();
  const reading: TNumberReading = [];
  for (const [paragraph] of readZipEntry(docx, "word/document.xml").matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = decodeXml([...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    const blockId = text.match(passage)?.[0];
    if (!blockId) continue;
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1];
    const ilvl = Number(/<w:ilvl w:val="(\d+)"\/>/.exec(paragraph)?.[1] ?? 0);
    const marker = numId ? countWordLevel(instances.get(numId)!, counters, numId, ilvl) : null;
    reading.push({ blockId, marker, ending: endingOf(text) });
  }
  return reading;
}

function countWordLevel(
  levels: TLevel[],
  counters: Map<string, (number | undefined)[]>,
  numId: string,
  ilvl: number,
): string | null {
  const counts = counters.get(numId) ?? [];
  counters.set(numId, counts);
  counts[ilvl] = counts[ilvl] === undefined ? levels[ilvl].start : counts[ilvl]! + 1;
  for (let deeper = ilvl + 1; deeper < counts.length; deeper++) counts[deeper] = undefined;
  if (levels[ilvl].format === "bullet") return null;
  return levels[ilvl].text.replace(/%(\d)/g, (_, k: string) =>
    formatCount(counts[Number(k) - 1] ?? 0, levels[Number(k) - 1].format),
  );
}

/** A count in a Word list level's format: the same formats the reader prints (its own helpers). */
function formatCount(n: number, format: string): string {
  if (format === "lowerLetter") return toLetters(n);
  if (format === "lowerRoman") return toRoman(n);
  return String(n);
}

/** Each instance (numId) with its abstract numbering's levels, its own start overrides applied. */
function readNumbering(xml: string): Map<string, TLevel[]> {
  const abstracts = new Map<string, TLevel[]>();
  for (const [, id, body] of xml.matchAll(
    /<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels: TLevel[] = [];
    for (const [, ilvl, level] of body.matchAll(/<w:lvl [^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
      levels[Number(ilvl)] = {
        start: Number(/<w:start w:val="(\d+)"\/>/.exec(level)?.[1] ?? 0),
        format: /<w:numFmt w:val="(\w+)"\/>/.exec(level)?.[1] ?? "decimal",
        text: decodeXml(/<w:lvlText w:val="([^"]*)"\/>/.exec(level)?.[1] ?? ""),
      };
    abstracts.set(id, levels);
  }
  const instances = new Map<string, TLevel[]>();
  for (const [, numId, body] of xml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = abstracts.get(/<w:abstractNumId w:val="(\d+)"\/>/.exec(body)![1])!.map((level) => ({ ...level }));
    for (const [, ilvl, start] of body.matchAll(/<w:lvlOverride w:ilvl="(\d+)">\s*<w:startOverride w:val="(\d+)"\/>/g))
      if (levels[Number(ilvl)]) levels[Number(ilvl)].start = Number(start);
    instances.set(numId, levels);
  }
  return instances;
}

/** (iv) PDF text (pdftotext): each passage's first line starts with its marker, when it has one. */
export function readPdfNumbers(text: string): TNumberReading {
  return text.split("\n").flatMap((line) => {
    const blockId = line.match(TOKEN)?.[0];
    if (!blockId) return [];
    return [{ blockId, marker: /^\s*(\d+\.|\([a-z]+\))\s/.exec(line)?.[1] ?? null }];
  });
}

function decodeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
