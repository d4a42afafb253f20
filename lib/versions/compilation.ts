/**
 * The compilation of proposals on one version of the text: the "table of
 * inputs" delegations work from in a round. One row per paragraph of the
 * version, in reading order and numbered as the editor numbers them, each
 * with every proposal made on it; each section's title is a group row. A
 * paragraph nobody proposed to change is listed too, since the compilation
 * covers the whole text. Pure: the page and the Word file both print these
 * rows (lib/versions/read-compilation.ts loads them).
 */
import type { JSONContent } from "@tiptap/core";
import { diffAmendment } from "@/lib/amendments/list-amendments";
import type { DiffSegment } from "@/lib/diff/word-diff";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import type { NumberingPart, Passage } from "@/lib/editor/passages";
import { formatDay } from "@/lib/dates/format-date";
import { labelAmendmentKind } from "@/lib/amendments/kind-labels";

/** A section of the version, as PlanVersionSection holds it. */
export type CompilationSection = { key: string; title: string; part: NumberingPart; content: unknown };

/**
 * An amendment as the compilation reads it. `kind` is a string on purpose:
 * a kind this file does not know yet is still listed, by its name and text.
 */
export type CompilationAmendment = {
  id: string;
  number: number;
  blockId: string;
  kind: string;
  quoteExact: string;
  quotePrefix?: string;
  quoteSuffix?: string;
  newText: string;
  rationale: string;
  delegation: string | null;
  sponsors: string[];
  /** pending, stale, accepted, rejected or withdrawn (lib/amendments/schemas.ts AMENDMENT_STATES). */
  state: string;
  /** The facilitator's note on the decision (required on a rejection). */
  decisionReason: string | null;
  decidedAt: Date | null;
  /** Proposed on this version's text after it was taken, rather than pending when it was. */
  isSinceVersion: boolean;
  /** Where a moved paragraph goes: after this paragraph (move_paragraph). */
  targetBlockId?: string | null;
};

export type CompilationProposal = {
  amendmentId: string;
  number: number;
  kind: string;
  /** "Replace", "New paragraph", or the kind's own name for one this file does not know. */
  kindLabel: string;
  /** A new paragraph's name in the negotiation: "new para OP 5 bis"; null for the other kinds. */
  label: string | null;
  /** The change as a word diff in the paragraph's words (struck and inserted). */
  diff: DiffSegment[];
  /** What the diff cannot say: "after OP 7" for a move. */
  note: string | null;
  rationale: string;
  delegation: string | null;
  sponsors: string[];
  state: string;
  decisionReason: string | null;
  decidedAt: Date | null;
  isSinceVersion: boolean;
};

export type CompilationSectionRow = { type: "section"; key: string; title: string };
export type CompilationParagraphRow = {
  type: "paragraph";
  blockId: string;
  sectionKey: string;
  /** "PP 3", "OP 4 (a)", "Annex 2"; null for a heading or unnumbered text. */
  number: string | null;
  isHeading: boolean;
  text: string;
  proposals: CompilationProposal[];
};
export type CompilationRow = CompilationSectionRow | CompilationParagraphRow;

/** The key of the group row holding proposals whose paragraph is not in the version (none, unless data drifted). */
export const UNPLACED_KEY = "__unplaced";

/**
 * The rows of the compilation: for each section its group row, then each of
 * its passages with the proposals on it, by amendment number. A proposal
 * whose paragraph is not in the version is not dropped: it goes under a last
 * group row of its own, so the table never hides an input.
 */
export function buildCompilationRows({
  sections,
  amendments,
}: {
  sections: readonly CompilationSection[];
  amendments: readonly CompilationAmendment[];
}): CompilationRow[] {
  const read = sections.map((section) => ({ section, passages: readPassages(section.content as JSONContent) }));
  const numbers = numberParagraphs(read.map(({ section, passages }) => ({ part: section.part, passages })));
  const referenceOf = (blockId: string | null | undefined) => (blockId ? numbers.get(blockId)?.reference : undefined);
  const byBlock = groupByBlock([...amendments].sort((a, b) => a.number - b.number));
  const rows: CompilationRow[] = [];
  for (const { section, passages } of read) {
    rows.push({ type: "section", key: section.key, title: section.title });
    for (const passage of passages) {
      const proposals = (byBlock.get(passage.blockId) ?? []).map((amendment) =>
        describeProposal(amendment, { paragraphText: passage.text, anchor: referenceOf(passage.blockId), referenceOf }),
      );
      byBlock.delete(passage.blockId);
      rows.push(toParagraphRow(passage, section.key, referenceOf(passage.blockId) ?? null, proposals));
    }
  }
  if (byBlock.size > 0) {
    rows.push({ type: "section", key: UNPLACED_KEY, title: "Proposals on paragraphs not in this version" });
    for (const [blockId, amendments] of byBlock)
      rows.push({
        type: "paragraph",
        blockId,
        sectionKey: UNPLACED_KEY,
        number: null,
        isHeading: false,
        text: amendments[0].quoteExact,
        proposals: amendments.map((amendment) =>
          describeProposal(amendment, { paragraphText: null, anchor: undefined, referenceOf }),
        ),
      });
  }
  return rows;
}

function groupByBlock(amendments: readonly CompilationAmendment[]): Map<string, CompilationAmendment[]> {
  const byBlock = new Map<string, CompilationAmendment[]>();
  for (const amendment of amendments) {
    const list = byBlock.get(amendment.blockId);
    if (list) list.push(amendment);
    else byBlock.set(amendment.blockId, [amendment]);
  }
  return byBlock;
}

function toParagraphRow(
  passage: Passage,
  sectionKey: string,
  number: string | null,
  proposals: CompilationProposal[],
): CompilationParagraphRow {
  return {
    type: "paragraph",
    blockId: passage.blockId,
    sectionKey,
    number,
    isHeading: passage.type === "heading",
    text: passage.text,
    proposals,
  };
}

type ProposalContext = {
  /** The paragraph's words in this version; null when it is not in it. */
  paragraphText: string | null;
  /** The paragraph's number, which a new paragraph after it is named by. */
  anchor: string | undefined;
  referenceOf: (blockId: string | null | undefined) => string | undefined;
};

/** One proposal as the compilation prints it: its kind, its change as a word diff, and where it stands. */
export function describeProposal(amendment: CompilationAmendment, context: ProposalContext): CompilationProposal {
  const { diff, label, note } = describeChange(amendment, context);
  return {
    amendmentId: amendment.id,
    number: amendment.number,
    kind: amendment.kind,
    kindLabel: labelAmendmentKind(amendment.kind),
    label,
    diff,
    note,
    rationale: amendment.rationale,
    delegation: amendment.delegation,
    sponsors: amendment.sponsors,
    state: amendment.state,
    decisionReason: amendment.decisionReason,
    decidedAt: amendment.decidedAt,
    isSinceVersion: amendment.isSinceVersion,
  };
}

type Change = { diff: DiffSegment[]; label: string | null; note: string | null };

function describeChange(amendment: CompilationAmendment, context: ProposalContext): Change {
  const insert = (text: string): DiffSegment[] => (text ? [{ type: "insert", text }] : []);
  switch (amendment.kind) {
    case "replace":
    case "insert_after":
    case "delete":
      return {
        diff: diffAmendment(
          {
            kind: amendment.kind,
            quoteExact: amendment.quoteExact,
            quotePrefix: amendment.quotePrefix ?? "",
            quoteSuffix: amendment.quoteSuffix ?? "",
            newText: amendment.newText,
          },
          context.paragraphText,
        ),
        label: null,
        note: null,
      };
    case "insert_paragraph":
      // "5 bis": named after the paragraph it follows, as negotiators name a new paragraph until the text is renumbered.
      return {
        diff: insert(amendment.newText),
        label: context.anchor ? `new para ${context.anchor} bis` : "new para",
        note: null,
      };
    case "delete_paragraph":
      return {
        diff: [{ type: "delete", text: context.paragraphText ?? amendment.quoteExact }],
        label: null,
        note: null,
      };
    case "move_paragraph": {
      const target = context.referenceOf(amendment.targetBlockId);
      return {
        diff: [],
        label: null,
        note: target ? `to after ${target}` : amendment.targetBlockId ? "to after another paragraph" : null,
      };
    }
    default:
      // A kind added after this file: listed by its name and whatever text it carries, never dropped.
      return {
        diff: amendment.newText ? insert(amendment.newText) : [{ type: "equal", text: amendment.quoteExact }],
        label: null,
        note: null,
      };
  }
}

/** The rows showing only paragraphs with at least one proposal, and the group rows of their sections. */
export function keepParagraphsWithProposals(rows: readonly CompilationRow[]): CompilationRow[] {
  return rows.filter((row, index) =>
    row.type === "paragraph" ? row.proposals.length > 0 : hasProposalBeforeNextSection(rows, index),
  );
}

function hasProposalBeforeNextSection(rows: readonly CompilationRow[], sectionIndex: number): boolean {
  for (const row of rows.slice(sectionIndex + 1)) {
    if (row.type === "section") return false;
    if (row.proposals.length > 0) return true;
  }
  return false;
}

/** How many paragraphs the rows hold, and how many of them have proposals. */
export function countCompilation(rows: readonly CompilationRow[]): {
  paragraphs: number;
  withProposals: number;
  proposals: number;
} {
  const paragraphs = rows.filter((row): row is CompilationParagraphRow => row.type === "paragraph");
  return {
    paragraphs: paragraphs.length,
    withProposals: paragraphs.filter((row) => row.proposals.length > 0).length,
    proposals: paragraphs.reduce((sum, row) => sum + row.proposals.length, 0),
  };
}

/** The table's columns, the same on the page and in the Word file. */
export const COMPILATION_COLUMNS = [
  "Paragraph",
  "Text",
  "Proposals (delegations, co-sponsors)",
  "Facilitator's note and decision",
] as const;

/** "Amendment 4, Replace, new para OP 5 bis": how the page and the Word file head a proposal. */
export function describeProposalTitle(proposal: CompilationProposal): string {
  return [`Amendment ${proposal.number}`, proposal.kindLabel, proposal.label, proposal.note].filter(Boolean).join(", ");
}

/** "Portugal; co-sponsors: Brazil, Cabo Verde": who proposes, and who supports it. */
export function describeProposers(proposal: CompilationProposal): string {
  const by = proposal.delegation ?? "the Secretariat";
  return proposal.sponsors.length > 0 ? `${by}; co-sponsors: ${proposal.sponsors.join(", ")}` : by;
}

/** The version a compilation is on, as its heading names it. */
export type CompiledVersion = { label: string; createdAt: Date; round: { number: number } | null };

/** "Rev.1 (opened round 2), 3 May 2026": the version the compilation is on, and its date. */
export function describeCompilationVersion({ version }: { version: CompiledVersion }): string {
  const round = version.round ? ` (opened round ${version.round.number})` : "";
  return `${version.label}${round}, ${formatDay(version.createdAt)}`;
}

/** What the table covers: the proposals pending when the version was taken and those made on it since. */
export function describeCompilationScope({
  version,
  until,
}: {
  version: CompiledVersion;
  until: { label: string; createdAt: Date } | null;
}): string {
  const since = until ? `until ${until.label} was issued on ${formatDay(until.createdAt)}` : "to date";
  return `Every paragraph of ${version.label}, with the proposals pending when it was issued and those made on it since, ${since}.`;
}
