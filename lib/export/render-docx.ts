/**
 * The export document as a Word file (the `docx` package): a title page with
 * the plan's title, version and date; a heading per section; each citation a
 * real Word footnote (speaker, role, segment, quoted sentence); and an annex
 * table of every provenance link. Delegations edit and circulate Word files,
 * so the structure is Word's own (heading styles, footnotes, numbering), not
 * formatting that merely looks like it.
 *
 * Operative paragraphs and sub-paragraphs are Word's own numbered list (one
 * multi-level numbering: "1.", "(a)", "(i)"), so a delegation that inserts a
 * paragraph in Word sees the rest renumber. Word counts them itself, so the
 * lists are laid out for Word to count exactly what the reader
 * (lib/editor/passages.ts numberParagraphs) printed: the main text and the
 * annex are a list each, the sub-paragraphs of a preambular paragraph (which
 * Word does not number) a list of their own, and every ordered list of the
 * text its own list, so none continues another's count.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ParagraphChild } from "docx";
import type { TBlock, TExportDocument, TParagraphNumber, TRun } from "./export-document";
import { formatDay } from "@/lib/dates/format-date";
import {
  describeSilence,
  describeSponsors,
  describeVersion,
  documentSymbol,
  formatFootnoteText,
  SOURCES_TITLE,
} from "./export-document";

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const ANNEX_COLUMNS = ["Section", "Passage", "Source", "Quoted", "Relation", "Status", "Notes"];

/** The numbered paragraphs' one numbering: what Word prints at each level, each level indented a step further. */
const PARAGRAPH_LEVELS = [
  { format: LevelFormat.DECIMAL, text: "%1." },
  { format: LevelFormat.LOWER_LETTER, text: "(%2)" },
  { format: LevelFormat.LOWER_ROMAN, text: "(%3)" },
].map(({ format, text }, level) => ({
  level,
  format,
  text,
  start: 1,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 720 } } },
}));

/** Word's list instances of the numbered paragraphs: the main text's, the annex's, then one per preambular group. */
const MAIN_INSTANCE = 1;
const ANNEX_INSTANCE = 2;

export async function renderDocx({ document }: { document: TExportDocument }): Promise<Buffer> {
  // Word takes a list's start from its numbering definition: one definition per start the lists use.
  const listStarts = readListStarts(document);
  const footnotes = Object.fromEntries(
    document.footnotes.map((note) => [
      String(note.n),
      { children: [new Paragraph({ children: [new TextRun(formatFootnoteText(note))] })] },
    ]),
  );
  const file = new Document({
    title: document.title,
    description: `${describeVersion(document)}, ${formatDay(document.date)}`,
    creator: "GPA Workspace",
    numbering: {
      config: [
        ...[...new Set([1, ...listStarts.values()])].map((start) => ({
          reference: `ordered-${start}`,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            start,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        })),
        { reference: "paragraphs", levels: PARAGRAPH_LEVELS },
      ],
    },
    footnotes,
    // One style for every annex cell: a 2,000-row table then carries no run properties of its own (half its cost).
    styles: {
      paragraphStyles: [
        {
          id: "AnnexCell",
          name: "Annex cell",
          basedOn: "Normal",
          run: { size: 16 },
          paragraph: { spacing: { after: 0 } },
        },
      ],
    },
    sections: [
      ...(document.layout === "resolution" ? [] : [{ children: renderTitlePage(document) }]),
      {
        children: [
          ...(document.layout === "resolution" ? renderResolutionHead(document) : []),
          ...renderBody(document, listStarts),
        ],
      },
      { children: renderAnnex(document) },
    ],
  });
  return Packer.toBuffer(file);
}

/** Where each ordered list starts, by list: its first item's marker as the reader gives it ("3."). */
function readListStarts(document: TExportDocument): Map<number, number> {
  const starts = new Map<number, number>();
  for (const block of document.sections.flatMap((section) => section.blocks))
    if (block.kind === "listItem" && block.isOrdered && !starts.has(block.list))
      starts.set(block.list, Number.parseInt(block.marker ?? "1", 10) || 1);
  return starts;
}

function renderTitlePage(document: TExportDocument): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 3000 } }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(document.title)],
    }),
    ...renderSponsors(document, AlignmentType.CENTER),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400 },
      children: [new TextRun({ text: describeVersion(document), bold: true, size: 28 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: formatDay(document.date), size: 24 })],
    }),
    ...renderSilenceLine(document, AlignmentType.CENTER),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 800 },
      children: [new TextRun({ text: `Drawn from: ${document.dialogueTitle}`, italics: true })],
    }),
  ];
}

/** "Adopted under silence on …" or "Under silence until …", in bold, when a silence procedure holds the text. */
function renderSilenceLine(
  document: TExportDocument,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph[] {
  const line = describeSilence(document);
  return line ? [new Paragraph({ alignment, children: [new TextRun({ text: line, bold: true, size: 22 })] })] : [];
}

/** A resolution has no title page: its symbol, then its title, as the General Assembly's documents open. */
function renderResolutionHead(document: TExportDocument): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: documentSymbol(document), bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: `${describeVersion(document)}, ${formatDay(document.date)}`, size: 20 })],
    }),
    ...renderSilenceLine(document, AlignmentType.RIGHT),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 400, after: 400 },
      children: [new TextRun({ text: document.title, bold: true })],
    }),
    ...renderSponsors(document, AlignmentType.LEFT),
  ];
}

/** The sponsors' line under the title, when the draft has sponsors. */
function renderSponsors(
  document: TExportDocument,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph[] {
  const sponsors = describeSponsors(document);
  return sponsors ? [new Paragraph({ alignment, spacing: { after: 400 }, children: [new TextRun(sponsors)] })] : [];
}

type TListing = { instanceOf: (number: TParagraphNumber) => number; listStarts: Map<number, number> };

function renderBody(document: TExportDocument, listStarts: Map<number, number>): Paragraph[] {
  const listing = { instanceOf: assignInstances(), listStarts };
  return document.sections.flatMap((section) => section.blocks.map((block) => renderBlock(block, listing)));
}

/** Each numbered paragraph's list instance; a preambular paragraph's sub-paragraphs get one of their own. */
function assignInstances(): (number: TParagraphNumber) => number {
  const groups = new Map<string, number>();
  return (number) => {
    if (number.underPreambular) {
      if (!groups.has(number.underPreambular)) groups.set(number.underPreambular, ANNEX_INSTANCE + groups.size + 1);
      return groups.get(number.underPreambular)!;
    }
    return number.part === "annex" ? ANNEX_INSTANCE : MAIN_INSTANCE;
  };
}

function renderBlock(block: TBlock, { instanceOf, listStarts }: TListing): Paragraph {
  const children = renderRuns(block.runs);
  if (block.kind === "heading") {
    const alignment = block.role === "annex-heading" ? AlignmentType.CENTER : undefined;
    return new Paragraph({ heading: HEADINGS[Math.min(5, block.level - 1)], alignment, children });
  }
  if (block.kind === "listItem") {
    const level = Math.min(3, block.depth);
    return block.isOrdered
      ? new Paragraph({
          numbering: { reference: `ordered-${listStarts.get(block.list) ?? 1}`, level, instance: block.list },
          children,
        })
      : new Paragraph({ bullet: { level }, children });
  }
  if (block.number) return renderNumbered(block.number, children, instanceOf);
  if (block.role === "resolution-title")
    return new Paragraph({ alignment: AlignmentType.CENTER, children: renderRuns(block.runs, { bold: true }) });
  return new Paragraph({ children, ...(block.isQuote ? { indent: { left: 720 } } : {}) });
}

/** A preambular paragraph is indented, not numbered; the others are Word's numbered list at their depth. */
function renderNumbered(
  number: TParagraphNumber,
  children: ParagraphChild[],
  instanceOf: (number: TParagraphNumber) => number,
): Paragraph {
  if (number.kind === "preambular") return new Paragraph({ indent: { firstLine: 720 }, children });
  return new Paragraph({
    numbering: { reference: "paragraphs", level: number.depth, instance: instanceOf(number) },
    children,
  });
}

function renderRuns(runs: TRun[], { bold = false }: { bold?: boolean } = {}): ParagraphChild[] {
  return runs.map((run) => {
    // Word numbers footnotes by their place: a source cited again is printed as its number, not as a second note.
    if (run.kind === "footnote")
      return run.repeat ? new TextRun({ text: String(run.n), superScript: true }) : new FootnoteReferenceRun(run.n);
    if (run.kind === "break") return new TextRun({ text: "", break: 1 });
    return new TextRun({
      text: run.text,
      bold: run.bold || bold || undefined,
      italics: run.italic,
      underline: run.underline ? {} : undefined,
      strike: run.strike,
    });
  });
}

function renderAnnex(document: TExportDocument): (Paragraph | Table)[] {
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new TextRun(SOURCES_TITLE)],
  });
  const note = new Paragraph({
    children: [
      new TextRun({
        text: "Every link between a passage of the plan and its sources, cited in the text or not, with its status.",
        italics: true,
      }),
    ],
  });
  if (document.annex.length === 0) return [heading, new Paragraph("No provenance links.")];
  const cell = (text: string, isHeader = false) =>
    new TableCell({
      children: [
        isHeader
          ? new Paragraph({ style: "AnnexCell", children: [new TextRun({ text, bold: true })] })
          : new Paragraph({ style: "AnnexCell", text }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: ANNEX_COLUMNS.map((column) => cell(column, true)) }),
    ...document.annex.map(
      (row) =>
        new TableRow({
          children: [
            cell(row.sectionTitle),
            cell(row.passage),
            cell([row.label, row.role, row.segment, row.address ? `#${row.address}` : ""].filter(Boolean).join(", ")),
            cell(row.quote),
            cell(row.relation.replace(/_/g, " ")),
            cell(row.status),
            cell(row.footnotes.join(", ")),
          ],
        }),
    ),
  ];
  return [heading, note, new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
}
