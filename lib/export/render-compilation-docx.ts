/**
 * The compilation of proposals as a Word file: a landscape table of the
 * version's paragraphs — number, text, the proposals on each (as a marked-up
 * text: struck words deleted, underlined words inserted) with their
 * delegations and co-sponsors, and the facilitator's note and decision —
 * headed by the revision's label and date. The header row repeats on every
 * page, as delegations print and annotate it.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatDay } from "@/lib/dates/format-date";
import type { DiffSegment } from "@/lib/diff/word-diff";
import {
  COMPILATION_COLUMNS,
  describeCompilationScope,
  describeCompilationVersion,
  describeProposalTitle,
  describeProposers,
} from "@/lib/versions/compilation";
import type { CompilationParagraphRow, CompilationProposal } from "@/lib/versions/compilation";
import type { Compilation } from "@/lib/versions/read-compilation";

/** Column widths in per cent: the texts get the room. */
const WIDTHS = [9, 33, 38, 20];

export async function renderCompilationDocx({ compilation }: { compilation: Compilation }): Promise<Buffer> {
  const file = new Document({
    title: `Compilation of proposals: ${compilation.version.label}`,
    description: `${compilation.plan.title}, ${describeCompilationVersion(compilation)}`,
    creator: "GPA Workspace",
    styles: {
      paragraphStyles: [
        {
          id: "CompilationCell",
          name: "Compilation cell",
          basedOn: "Normal",
          run: { size: 18 },
          paragraph: { spacing: { after: 60 } },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [...renderHeading(compilation), renderTable(compilation)],
      },
    ],
  });
  return Packer.toBuffer(file);
}

function renderHeading(compilation: Compilation): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun("Compilation of proposals")] }),
    new Paragraph({ children: [new TextRun({ text: compilation.plan.title, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: describeCompilationVersion(compilation), bold: true })] }),
    new Paragraph({
      spacing: { after: 200 },
      children: [new TextRun({ text: describeCompilationScope(compilation), italics: true })],
    }),
  ];
}

function renderTable(compilation: Compilation): Table {
  const header = new TableRow({
    tableHeader: true,
    children: COMPILATION_COLUMNS.map((column, i) => cell([line([new TextRun({ text: column, bold: true })])], i)),
  });
  const rows = compilation.rows.map((row) =>
    row.type === "section"
      ? new TableRow({
          children: [
            new TableCell({
              columnSpan: COMPILATION_COLUMNS.length,
              shading: { type: ShadingType.CLEAR, fill: "E7EEF5", color: "auto" },
              children: [line([new TextRun({ text: row.title, bold: true })])],
            }),
          ],
        })
      : renderParagraphRow(row),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function renderParagraphRow(row: CompilationParagraphRow): TableRow {
  const proposals = row.proposals.flatMap(renderProposal);
  const decisions = row.proposals.map(renderDecision);
  return new TableRow({
    children: [
      cell([line([new TextRun({ text: row.number ?? "", bold: true })])], 0),
      cell([line([new TextRun({ text: row.text, bold: row.isHeading || undefined })])], 1),
      cell(proposals.length ? proposals : [line([])], 2),
      cell(decisions.length ? decisions : [line([])], 3),
    ],
  });
}

function renderProposal(proposal: CompilationProposal): Paragraph[] {
  return [
    line([
      new TextRun({ text: describeProposalTitle(proposal), bold: true }),
      new TextRun({ text: ` — ${describeProposers(proposal)}` }),
      ...(proposal.isSinceVersion ? [new TextRun({ text: " (proposed on this text)", italics: true })] : []),
    ]),
    ...(proposal.diff.length ? [line(renderDiff(proposal.diff))] : []),
    ...(proposal.rationale ? [line([new TextRun({ text: `Rationale: ${proposal.rationale}`, italics: true })])] : []),
  ];
}

/** A word diff as Word marks it up: deleted words struck, inserted words bold and underlined. */
function renderDiff(segments: DiffSegment[]): TextRun[] {
  return segments.map((segment) =>
    segment.type === "equal"
      ? new TextRun(segment.text)
      : segment.type === "delete"
        ? new TextRun({ text: segment.text, strike: true })
        : new TextRun({ text: segment.text, bold: true, underline: {} }),
  );
}

function renderDecision(proposal: CompilationProposal): Paragraph {
  const when = proposal.decidedAt ? ` (${formatDay(proposal.decidedAt)})` : "";
  return line([
    new TextRun({ text: `Amendment ${proposal.number}: ${proposal.state}${when}`, bold: true }),
    ...(proposal.decisionReason ? [new TextRun({ text: ` — ${proposal.decisionReason}` })] : []),
  ]);
}

function line(children: TextRun[]): Paragraph {
  return new Paragraph({ style: "CompilationCell", alignment: AlignmentType.LEFT, children });
}

function cell(children: Paragraph[], column: number): TableCell {
  return new TableCell({ width: { size: WIDTHS[column], type: WidthType.PERCENTAGE }, children });
}
