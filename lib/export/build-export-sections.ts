/**
 * The printable blocks of the sections an export holds, and the footnotes
 * they refer to. Sources are numbered as the page numbers them
 * (lib/editor/passages.ts numberSources); paragraphs are numbered by the one
 * reader too (numberParagraphs, over every exported section in order), so no
 * format counts them again: a block carries its marker, and its runs already
 * end with its ending and open with its opening phrase in italics.
 */
import type { JSONContent } from "@tiptap/core";
import {
  ALTERNATIVES_NODE,
  BRACKET_MARK,
  describeBracketNote,
  printAlternatives,
  readAlternatives,
} from "@/lib/editor/brackets";
import {
  bracketKey,
  footnoteKey,
  groupConfirmedByBlock,
  numberParagraphs,
  numberSources,
  readPassages,
} from "@/lib/editor/passages";
import type { NumberedSection, ParagraphNumber, Passage, SourceNumbering } from "@/lib/editor/passages";
import { RESOLUTION_CHAPEAU } from "./export-document";
import type {
  TBlock,
  TExportLayout,
  TFootnote,
  TParagraphNumber,
  TRun,
  TSection,
  TSourceDescription,
} from "./export-document";
import { printParagraphRuns } from "./print-paragraph-runs";
import { STATUS_LABELS } from "@/lib/plan/paragraph-statuses";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";

/** A provenance link as both the live tables and a version's snapshot can give it. */
export type TLinkRow = {
  id: string;
  sectionKey: string | null;
  blockId: string;
  quoteExact: string;
  relation: string;
  status: string;
  statementId: string | null;
  sentenceId: string | null;
  summaryItemId: string | null;
  amendmentId: string | null;
  /** A version's own name for the source, for when its row is gone. */
  label?: string | null;
};

/** A section as the export reads it; `part` and `level` default to the main text's top level. */
export type TSectionRow = {
  id: string | null;
  key: string;
  title: string;
  content: unknown;
  part?: "main" | "annex";
  level?: number;
  /** Its paragraphs' statuses other than pending, by blockId (the live draft only; a version keeps none). */
  statuses?: ReadonlyMap<string, TParagraphStatus>;
};

/** A numbered paragraph: what the block carries, and what printing its runs needs. */
type TNumbered = { block: TParagraphNumber; print: ParagraphNumber };

/** Running state over the whole document: Word needs every list to be a list of its own. */
type TCounters = { lists: number };

/** The section of a resolution whose text is the resolution's title (lib/plan/templates/ga-resolution.json). */
const TITLE_SECTION_KEY = "title";

export function buildSections({
  sections,
  links,
  sources,
  layout = "plan",
}: {
  sections: TSectionRow[];
  links: TLinkRow[];
  sources: Map<string, TSourceDescription>;
  layout?: TExportLayout;
}): { sections: TSection[]; footnotes: TFootnote[] } {
  const footnotes: TFootnote[] = [];
  const linkById = new Map(links.map((link) => [link.id, link]));
  const read = sections.map((section) => {
    const content = contentOf(section);
    return { section, content, passages: readPassages(content) };
  });
  const numbered = describeNumbers(read.map(({ section, passages }) => ({ part: section.part ?? "main", passages })));
  const counters: TCounters = { lists: 0 };
  const built: TSection[] = read.map(({ section, content, passages }) => {
    // Numbered as the page numbers them, from where the sections before left off.
    const numbering = numberSources(
      passages,
      groupConfirmedByBlock(links.filter((link) => link.sectionKey === section.key)),
      footnotes.length + 1,
      { isPrint: true },
    );
    const cited = new Set(passages.flatMap((passage) => passage.citations));
    // Footnotes of free text, and each bracket's delegations, print as words of their own.
    const freeText = new Map([
      ...passages.flatMap((passage) => Object.entries(passage.footnotes ?? {})),
      ...passages.flatMap((passage) =>
        passage.brackets.map((bracket) => [bracketKey(bracket.bracketId), describeBracketNote(bracket)] as const),
      ),
    ]);
    const noteOf = (linkId: string): TRun => {
      const n = numbering.numberOf.get(linkId)!;
      if (footnotes.some((note) => note.n === n)) return { kind: "footnote", n, repeat: true };
      const text = freeText.get(linkId);
      if (text !== undefined) {
        footnotes.push(describeFreeNote({ n, key: linkId, text }));
        return { kind: "footnote", n };
      }
      const link = linkById.get(linkId);
      footnotes.push({
        ...(sources.get(linkId) ?? { label: "Source not found", role: null, segment: null, address: "", quote: "" }),
        n,
        linkId,
        relation: link?.relation ?? "",
        status: link?.status ?? "unknown",
        isInline: cited.has(linkId),
      });
      return { kind: "footnote", n };
    };
    const part = section.part ?? "main";
    const titleLevel = (section.level ?? 1) + (layout === "resolution" && part === "annex" ? 1 : 0);
    const titleRuns: TRun[] = [{ kind: "text", text: section.title }, ...numbering.sectionWide.map(noteOf)];
    // A resolution's own text runs on without "Preamble" or "Operative part"; a title kept for its sources' notes.
    const hasTitle = layout !== "resolution" || part === "annex" || numbering.sectionWide.length > 0;
    const blocks = [
      ...(hasTitle ? [{ kind: "heading", level: titleLevel, runs: titleRuns } as TBlock] : []),
      ...buildBlocks(content, {
        numbering,
        noteOf,
        numbered,
        passages,
        counters,
        titleLevel,
        statuses: section.statuses ?? new Map(),
      }),
    ];
    // Drop empty paragraphs (an editor's trailing one) so documents do not print blank lines.
    return {
      key: section.key,
      title: section.title,
      part,
      level: section.level ?? 1,
      blocks: blocks.filter((block) => block.kind !== "paragraph" || block.runs.length > 0),
    };
  });
  if (layout === "resolution") addResolutionLayout(built);
  // Sections number on from each other, so the notes are in order already; sorted in case a source is cited twice.
  return { sections: built, footnotes: footnotes.sort((a, b) => a.n - b.n) };
}

/**
 * Every numbered paragraph's place, from numberParagraphs over all the exported sections at once. The parent of a
 * sub-paragraph is looked up (not counted) for Word, which letters those of a preambular paragraph in a list of
 * their own.
 */
function describeNumbers(parts: NumberedSection[]): Map<string, TNumbered> {
  const numbers = numberParagraphs(parts);
  const described = new Map<string, TNumbered>();
  for (const part of ["main", "annex"] as const) {
    let parent: Passage | null = null;
    for (const passage of parts.filter((p) => p.part === part).flatMap((p) => p.passages)) {
      const print = numbers.get(passage.blockId);
      const kind = passage.kind;
      if (!print || !kind || kind === "plain") continue;
      if (kind !== "subparagraph") parent = passage;
      const isUnderPreambular = kind === "subparagraph" && parent?.kind === "preambular";
      described.set(passage.blockId, {
        print,
        block: {
          kind,
          depth: kind === "subparagraph" ? (passage.level ?? 1) : 0,
          marker: print.marker,
          reference: print.reference,
          part,
          ...(isUnderPreambular ? { underPreambular: parent!.blockId } : {}),
        },
      });
    }
  }
  return described;
}

/**
 * A resolution's head and parts: its title section's words as its title, "The General Assembly," before the rest
 * of its text, and "Annex" before the annexed sections, whose own titles sit one level below it.
 */
function addResolutionLayout(sections: TSection[]): void {
  for (const block of sections.find((s) => s.key === TITLE_SECTION_KEY && s.part === "main")?.blocks ?? [])
    if (block.kind === "paragraph") block.role = "resolution-title";
  const opening = sections.find((s) => s.part === "main" && s.key !== TITLE_SECTION_KEY);
  opening?.blocks.unshift({ kind: "paragraph", role: "chapeau", runs: [{ kind: "text", text: RESOLUTION_CHAPEAU }] });
  const annex = sections.find((s) => s.part === "annex");
  annex?.blocks.unshift({ kind: "heading", level: 1, role: "annex-heading", runs: [{ kind: "text", text: "Annex" }] });
}

function contentOf(section: { content: unknown }): JSONContent {
  return (section.content ?? { type: "doc", content: [] }) as JSONContent;
}

type TBlockContext = {
  numbering: SourceNumbering;
  noteOf: (linkId: string) => TRun;
  numbered: Map<string, TNumbered>;
  passages: readonly Passage[];
  counters: TCounters;
  titleLevel: number;
  statuses: ReadonlyMap<string, TParagraphStatus>;
};

/** The section's text as printable blocks, each citation and each passage's uncited sources as footnotes. */
function buildBlocks(content: JSONContent, context: TBlockContext): TBlock[] {
  const { numbering, noteOf, numbered, counters } = context;
  const markerOf = new Map(context.passages.map((passage) => [passage.blockId, passage.list?.marker]));
  const blocks: TBlock[] = [];
  const endOfPassage = (blockId: unknown): TRun[] =>
    typeof blockId === "string" ? (numbering.atEnd.get(blockId) ?? []).map(noteOf) : [];
  // A paragraph agreed (ad ref) says so before its words, after its number.
  const inlineRuns = (node: JSONContent): TRun[] => [
    ...statusRuns(context.statuses.get(String(node.attrs?.blockId))),
    ...readInlineRuns(node, noteOf),
  ];
  const visitList = (list: JSONContent, depth: number) => {
    const listNumber = ++counters.lists;
    for (const item of list.content ?? []) {
      const runs: TRun[] = [];
      const nested: JSONContent[] = [];
      for (const child of item.content ?? []) {
        if (child.type === "bulletList" || child.type === "orderedList") nested.push(child);
        else {
          if (runs.length) runs.push({ kind: "break" });
          runs.push(...inlineRuns(child));
        }
      }
      runs.push(...endOfPassage(item.attrs?.blockId));
      const { blockId } = blockIdOf(item);
      const marker = blockId ? markerOf.get(blockId) : undefined;
      blocks.push({
        kind: "listItem",
        isOrdered: list.type === "orderedList",
        depth,
        list: listNumber,
        runs,
        ...blockIdOf(item),
        ...(marker ? { marker } : {}),
      });
      for (const child of nested) visitList(child, depth + 1);
    }
  };
  const visitParagraph = (node: JSONContent, isQuote: boolean) => {
    const runs = [...inlineRuns(node), ...endOfPassage(node.attrs?.blockId)];
    const number = node.type === "paragraph" ? numbered.get(String(node.attrs?.blockId)) : undefined;
    if (!number) return blocks.push({ kind: "paragraph", isQuote, runs, ...blockIdOf(node) });
    blocks.push({
      kind: "paragraph",
      isQuote,
      runs: printParagraphRuns({ runs, text: readPrintedWords(runs), number: number.print }),
      number: number.block,
      ...blockIdOf(node),
    });
  };
  const visit = (node: JSONContent, isQuote: boolean) => {
    switch (node.type) {
      case "heading":
        // Headings inside a section sit below its title.
        blocks.push({
          kind: "heading",
          level: Math.min(6, Number(node.attrs?.level ?? 2) + context.titleLevel),
          runs: [...inlineRuns(node), ...endOfPassage(node.attrs?.blockId)],
          ...blockIdOf(node),
        });
        break;
      case "paragraph":
      case "codeBlock":
        visitParagraph(node, isQuote);
        break;
      case "bulletList":
      case "orderedList":
        visitList(node, 0);
        break;
      case "blockquote":
        for (const child of node.content ?? []) visit(child, true);
        break;
      default:
        for (const child of node.content ?? []) visit(child, isQuote);
    }
  };
  visit(content, false);
  return blocks;
}

type TMarks = Omit<Extract<TRun, { kind: "text" }>, "kind" | "text">;

function readInlineRuns(node: JSONContent, noteOf: (linkId: string) => TRun): TRun[] {
  const runs: TRun[] = [];
  // Bracketed words print between square brackets, the bracket's note (its delegations) after the closing one.
  let openBracket: string | null = null;
  const closeBracket = () => {
    if (openBracket) runs.push(insertedText("]"), noteOf(bracketKey(openBracket)));
    openBracket = null;
  };
  for (const child of node.content ?? []) {
    const bracketId: string | null = child.type === "text" ? bracketIdOf(child) : openBracket;
    if (bracketId !== openBracket) closeBracket();
    if (bracketId && bracketId !== openBracket) runs.push(insertedText("["));
    openBracket = bracketId;
    if (child.type === "text") runs.push({ kind: "text", text: child.text ?? "", ...marksOf(child) });
    else if (child.type === "citation" && typeof child.attrs?.linkId === "string")
      runs.push(noteOf(child.attrs.linkId));
    else if (child.type === "footnote" && typeof child.attrs?.noteId === "string")
      runs.push(noteOf(footnoteKey(child.attrs.noteId)));
    else if (child.type === "hardBreak") runs.push({ kind: "break" });
    else if (child.type === ALTERNATIVES_NODE && typeof child.attrs?.bracketId === "string") {
      closeBracket();
      // Counted as words: the paragraph's ending goes after them when they end it.
      runs.push({ kind: "text", text: printAlternatives(readAlternatives(child.attrs.options)) });
      runs.push(noteOf(bracketKey(child.attrs.bracketId)));
    }
  }
  closeBracket();
  return runs;
}

/** A paragraph's words as print reads them: its alternatives among them, the brackets and status print adds not. */
function readPrintedWords(runs: readonly TRun[]): string {
  return runs.map((run) => (run.kind === "text" && !run.isInserted ? run.text : "")).join("");
}

/** Words print adds that are not the passage's own (a bracket, a status): not counted against its text. */
function insertedText(text: string, marks: TMarks = {}): TRun {
  return { kind: "text", text, ...marks, isInserted: true };
}

/** "(Agreed ad ref)" in bold before a paragraph's words; nothing for a pending one. */
function statusRuns(status: TParagraphStatus | undefined): TRun[] {
  return status && status !== "pending" ? [insertedText(`(${STATUS_LABELS[status]}) `, { bold: true })] : [];
}

function bracketIdOf(text: JSONContent): string | null {
  const mark = text.marks?.find((m) => m.type === BRACKET_MARK);
  return typeof mark?.attrs?.bracketId === "string" ? mark.attrs.bracketId : null;
}

/** A footnote of free text, printed as its words alone (it names no source of the dialogue). */
function describeFreeNote({ n, key, text }: { n: number; key: string; text: string }): TFootnote {
  return {
    kind: "note",
    label: text,
    role: null,
    segment: null,
    address: "",
    quote: "",
    n,
    linkId: key,
    relation: "",
    status: "confirmed",
    isInline: true,
  };
}

function blockIdOf(node: JSONContent): { blockId?: string } {
  return typeof node.attrs?.blockId === "string" ? { blockId: node.attrs.blockId } : {};
}

function marksOf(node: JSONContent): TMarks {
  const marks: TMarks = {};
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") marks.bold = true;
    if (mark.type === "italic") marks.italic = true;
    if (mark.type === "underline") marks.underline = true;
    if (mark.type === "strike") marks.strike = true;
  }
  return marks;
}
