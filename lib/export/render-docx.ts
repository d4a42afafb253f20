/**
 * The export document as a Word file (the `docx` package): a title page with
 * the plan's title, version and date; a heading per section; each citation a
 * real Word footnote (speaker, role, segment, quoted sentence); and an annex
 * table of every provenance link. Delegations edit and circulate Word files,
 * so the structure is Word's own (heading styles, footnotes, numbering), not
 * formatting that merely looks like it.
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
import type { TBlock, TExportDocument, TRun } from "./export-document";
import { formatDay } from "@/lib/dates/format-date";
import { describeVersion, formatFootnoteText } from "./export-document";

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const ANNEX_COLUMNS = ["Section", "Passage", "Source", "Quoted", "Relation", "Status", "Notes"];

export async function renderDocx({ document }: { document: TExportDocument }): Promise<Buffer> {
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
        {
          reference: "ordered",
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
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
      { children: renderTitlePage(document) },
      { children: document.sections.flatMap((section) => section.blocks.map(renderBlock)) },
      { children: renderAnnex(document) },
    ],
  });
  return Packer.toBuffer(file);
}

function renderTitlePage(document: TExportDocument): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 3000 } }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(document.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400 },
      children: [new TextRun({ text: describeVersion(document), bold: true, size: 28 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: formatDay(document.date), size: 24 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 800 },
      children: [new TextRun({ text: `Drawn from: ${document.dialogueTitle}`, italics: true })],
    }),
  ];
}

function renderBlock(block: TBlock): Paragraph {
  const children = renderRuns(block.runs);
  if (block.kind === "heading") return new Paragraph({ heading: HEADINGS[Math.min(5, block.level - 1)], children });
  if (block.kind === "listItem") {
    const level = Math.min(3, block.depth);
    return block.isOrdered
      ? new Paragraph({ numbering: { reference: "ordered", level, instance: block.list }, children })
      : new Paragraph({ bullet: { level }, children });
  }
  return new Paragraph({ children, ...(block.isQuote ? { indent: { left: 720 } } : {}) });
}

function renderRuns(runs: TRun[]): ParagraphChild[] {
  return runs.map((run) => {
    // Word numbers footnotes by their place: a source cited again is printed as its number, not as a second note.
    if (run.kind === "footnote")
      return run.repeat ? new TextRun({ text: String(run.n), superScript: true }) : new FootnoteReferenceRun(run.n);
    if (run.kind === "break") return new TextRun({ text: "", break: 1 });
    return new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      underline: run.underline ? {} : undefined,
      strike: run.strike,
    });
  });
}

function renderAnnex(document: TExportDocument): (Paragraph | Table)[] {
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new TextRun("Annex: provenance links")],
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
