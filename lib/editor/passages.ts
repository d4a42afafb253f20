/**
 * The one reader of a plan document's passages. A passage is what people
 * cite, comment on and amend: a paragraph or a heading, or a whole list item
 * (its paragraphs are not passages of their own; a list nested in it holds
 * passages of its own). Every walker over plan documents goes through here:
 * the page, the live editor, the export, amendments, fingerprints, anchors.
 * The Y.Doc side (lib/editor/passage-anchor.ts) applies the same rule through
 * {@link isPassageType}.
 *
 * Sources are numbered here too, once, so the page, the editor and the export
 * cannot disagree: each source has one number, given where it first appears
 * in reading order. A passage's citations come first, then its confirmed
 * sources its text does not cite (printed at its end). The section's own
 * sources, which no passage holds, go with its title and come first.
 */
import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { planSchema } from "./plan-document";
import { measureOpeningPhrase, readParagraphKind, readSubparagraphLevel } from "./paragraph-kinds";
import type { ParagraphKind, SubparagraphLevel } from "./paragraph-kinds";
import { ALTERNATIVES_NODE, BRACKET_MARK, printAlternatives, readAlternatives, readDelegationTags } from "./brackets";
import type { TAlternative, TDelegationTag } from "./brackets";

export type PassageType = "paragraph" | "heading" | "listItem";

export type Passage = {
  blockId: string;
  type: PassageType;
  /** Its words: a list item's paragraphs joined by a space; citations and line breaks add nothing. */
  text: string;
  /**
   * The runs of plain text, split wherever the Yjs document splits them: at
   * inline nodes (a citation, a line break) and between paragraphs. Text the
   * server edits through Yjs must lie inside one run.
   */
  runs: string[];
  /** The link ids of its citations, in order, as often as each is cited. */
  citations: string[];
  /**
   * Its notes in reading order, as numbered: a citation's link id, or a footnote's key ({@link footnoteKey}). A
   * footnote of free text takes its number in the same run as the sources.
   */
  notes: string[];
  /** Its footnotes of free text, by key: their words. */
  footnotes: Record<string, string>;
  /** The comment threads marked on its words, in order of first mark. */
  threadIds: string[];
  /** Its open brackets, in reading order. */
  brackets: PassageBracket[];
  /**
   * Its notes as print numbers them: `notes` with each bracket's note ({@link bracketKey}) where the bracket
   * closes. Only exports print brackets' delegations as notes; the page shows them on the bracket itself.
   */
  printedNotes: string[];
  /** A list item's place: how deep its list is nested (1 at the top) and its marker, "•" or "3.". */
  list?: { depth: number; marker: string };
  /** A paragraph's kind (lib/editor/paragraph-kinds.ts); a heading or list item has none. */
  kind?: ParagraphKind;
  /** A sub-paragraph's level. */
  level?: SubparagraphLevel;
};

/** An open bracket in a passage (lib/editor/brackets.ts): bracketed words, or alternatives ("[a / b]"). */
export type PassageBracket = {
  bracketId: string;
  /** The bracketed words, or the alternatives as printed, "[a / b]". */
  text: string;
  /** Who holds the bracketed words; for alternatives, see each option's. */
  delegations: TDelegationTag[];
  /** Set for alternatives only. */
  options?: TAlternative[];
};

/** The rule itself: a list item is a passage; a paragraph or heading is one unless it sits in a list item. */
export function isPassageType(type: string, isInsideListItem: boolean): type is PassageType {
  return type === "listItem" || (!isInsideListItem && (type === "paragraph" || type === "heading"));
}

/** The passages of a document (Tiptap JSON, or the editor's own ProseMirror node), in reading order. */
export function readPassages(content: JSONContent | PmNode): Passage[] {
  const doc = content instanceof PmNode ? content : PmNode.fromJSON(planSchema, content);
  const passages: Passage[] = [];
  collectPassages(doc, false, passages);
  return passages;
}

/** The passage with this id, if the document still has it. */
export function findPassage(content: JSONContent | PmNode, blockId: string): Passage | undefined {
  return readPassages(content).find((passage) => passage.blockId === blockId);
}

/** One block read as a passage, or null when it is not one (`isInsideListItem`: some block above it is a list item). */
export function readPassageNode(node: PmNode, isInsideListItem: boolean): Passage | null {
  const blockId = node.attrs.blockId as unknown;
  const type = node.type.name;
  if (typeof blockId !== "string" || !blockId || !isPassageType(type, isInsideListItem)) return null;
  return readPassage(node, blockId, type);
}

type ListContext = { depth: number; isOrdered: boolean; start: number };

function collectPassages(node: PmNode, isInsideListItem: boolean, into: Passage[], list?: ListContext): void {
  node.forEach((child, _offset, index) => {
    if (child.isInline) return;
    // A block without an id is never stored (lib/editor/block-ids.ts gives every new block one), so it is skipped.
    const passage = readPassageNode(child, isInsideListItem);
    if (passage && list && child.type.name === "listItem")
      passage.list = { depth: list.depth, marker: list.isOrdered ? `${list.start + index}.` : "•" };
    if (passage) into.push(passage);
    const isList = child.type.name === "bulletList" || child.type.name === "orderedList";
    const inner = isList
      ? {
          depth: (list?.depth ?? 0) + 1,
          isOrdered: child.type.name === "orderedList",
          start: Number(child.attrs.start ?? 1),
        }
      : list;
    collectPassages(child, isInsideListItem || child.type.name === "listItem", into, inner);
  });
}

/** The passages one per line, list items indented with their markers: a text that keeps the document's lists. */
export function outlinePassages(content: JSONContent | PmNode): string {
  return readPassages(content)
    .map(({ text, list }) => (list ? `${"  ".repeat(list.depth - 1)}${list.marker} ${text}` : text))
    .join("\n");
}

function readPassage(node: PmNode, blockId: string, type: PassageType): Passage {
  const passage: Passage = {
    blockId,
    type,
    text: "",
    runs: [],
    citations: [],
    notes: [],
    footnotes: {},
    threadIds: [],
    brackets: [],
    printedNotes: [],
  };
  if (type === "paragraph") {
    passage.kind = readParagraphKind(node.attrs.kind);
    if (passage.kind === "subparagraph") passage.level = readSubparagraphLevel(node.attrs.level);
  }
  const paragraphs: string[] = [];
  for (const textblock of ownTextblocks(node)) {
    paragraphs.push(readTextblock(textblock, passage));
  }
  passage.text = paragraphs.join(" ");
  return passage;
}

/** The textblocks whose words are this passage's: itself, or a list item's paragraphs, not those of a list nested in it. */
function ownTextblocks(node: PmNode): PmNode[] {
  if (node.isTextblock) return [node];
  const blocks: PmNode[] = [];
  node.forEach((child) => {
    if (child.type.name === "listItem") return;
    blocks.push(...ownTextblocks(child));
  });
  return blocks;
}

/** Adds a textblock's runs, citations, threads and brackets to the passage, and returns its words. */
function readTextblock(textblock: PmNode, passage: Passage): string {
  if (textblock.childCount === 0) return "";
  let run = "";
  let words = "";
  let openBracket: string | null = null;
  const closeBracket = () => {
    if (openBracket) passage.printedNotes.push(bracketKey(openBracket));
    openBracket = null;
  };
  textblock.forEach((inline) => {
    if (inline.isText) {
      run += inline.text ?? "";
      words += inline.text ?? "";
      for (const id of threadIdsOf(inline)) if (!passage.threadIds.includes(id)) passage.threadIds.push(id);
      const bracketId = readBracketMark(inline, passage);
      if (bracketId !== openBracket) closeBracket();
      openBracket = bracketId;
      return;
    }
    passage.runs.push(run);
    run = "";
    if (inline.type.name === "citation" && typeof inline.attrs.linkId === "string") {
      passage.citations.push(inline.attrs.linkId);
      passage.notes.push(inline.attrs.linkId);
      passage.printedNotes.push(inline.attrs.linkId);
    }
    if (inline.type.name === "footnote" && typeof inline.attrs.noteId === "string") {
      const key = footnoteKey(inline.attrs.noteId);
      passage.notes.push(key);
      passage.printedNotes.push(key);
      passage.footnotes[key] = String(inline.attrs.text ?? "");
    }
    if (inline.type.name === ALTERNATIVES_NODE && typeof inline.attrs.bracketId === "string") {
      closeBracket();
      const options = readAlternatives(inline.attrs.options);
      passage.brackets.push({
        bracketId: inline.attrs.bracketId,
        text: printAlternatives(options),
        delegations: [],
        options,
      });
      passage.printedNotes.push(bracketKey(inline.attrs.bracketId));
    }
  });
  closeBracket();
  passage.runs.push(run);
  return words;
}

/** Adds a text node's bracketed words to its bracket in the passage; returns the bracket's id, or null. */
function readBracketMark(text: PmNode, passage: Passage): string | null {
  const mark = text.marks.find((m) => m.type.name === BRACKET_MARK);
  const bracketId = mark?.attrs.bracketId;
  if (typeof bracketId !== "string" || !bracketId) return null;
  const known = passage.brackets.find((bracket) => bracket.bracketId === bracketId);
  if (known) known.text += text.text ?? "";
  else
    passage.brackets.push({
      bracketId,
      text: text.text ?? "",
      delegations: readDelegationTags(mark!.attrs.delegations),
    });
  return bracketId;
}

/** A bracket's key among a passage's printed notes. */
export function bracketKey(bracketId: string): string {
  return `bracket:${bracketId}`;
}

/** A footnote's key among a passage's notes: never a link id, which is a cuid. */
export function footnoteKey(noteId: string): string {
  return `footnote:${noteId}`;
}

function threadIdsOf(text: PmNode): string[] {
  const mark = text.marks.find((m) => m.type.name === "comment");
  return String(mark?.attrs.threadIds ?? "")
    .split(" ")
    .filter(Boolean);
}

/** Where the section's sources stand in reading order, and what each passage prints at its end. */
export type SourceNumbering = {
  /** Each source's one number, by link id (and each footnote's, by its key). */
  numberOf: Map<string, number>;
  /** Per passage, its confirmed sources that its text does not cite, in their order. */
  atEnd: Map<string, string[]>;
  /** The confirmed sources of the section as a whole (no passage), numbered first: they go with its title. */
  sectionWide: string[];
};

/**
 * Numbers a section's sources (see the top of this file). `confirmedByBlock`
 * holds each passage's confirmed link ids, in their order, and the section's
 * own under "". A source whose passage is gone gets no number. `first` lets
 * the export number on from the sections before; `isPrint` numbers brackets' notes too.
 */
export function numberSources(
  passages: readonly Passage[],
  confirmedByBlock: ReadonlyMap<string, readonly string[]>,
  first = 1,
  { isPrint = false } = {},
): SourceNumbering {
  const numberOf = new Map<string, number>();
  const give = (linkId: string) => {
    if (!numberOf.has(linkId)) numberOf.set(linkId, first + numberOf.size);
  };
  // The section's own sources belong to its title, which is read first.
  const sectionWide = [...(confirmedByBlock.get("") ?? [])];
  sectionWide.forEach(give);
  const atEnd = new Map<string, string[]>();
  for (const passage of passages) {
    // Citations and footnotes of free text in one run, in the order they are read (in print, brackets' notes too).
    ((isPrint ? passage.printedNotes : passage.notes) ?? passage.citations).forEach(give);
    const uncited = (confirmedByBlock.get(passage.blockId) ?? []).filter((id) => !passage.citations.includes(id));
    uncited.forEach(give);
    if (uncited.length) atEnd.set(passage.blockId, uncited);
  }
  return { numberOf, atEnd, sectionWide };
}

/**
 * Each passage's confirmed link ids, and the section's own under "". Sorted
 * by id, which orders them as they were made (cuids begin with the time), so
 * the page and the export number them alike whatever order they loaded them in.
 */
export function groupConfirmedByBlock(
  links: readonly { id: string; blockId: string; status: string }[],
): Map<string, string[]> {
  const byBlock = new Map<string, string[]>();
  for (const link of [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    if (link.status === "confirmed") byBlock.set(link.blockId, [...(byBlock.get(link.blockId) ?? []), link.id]);
  return byBlock;
}

/**
 * Which numbering a section's paragraphs continue: the resolution's own text
 * ("main": its preamble and operative part, or a plan that is not a
 * resolution) or its annex, which numbers from 1 again.
 */
export type NumberingPart = "main" | "annex";

/** A paragraph's place in the numbered text, as every view and export prints it. */
export type ParagraphNumber = {
  /** The marker printed before it: "4.", "(a)", "(ii)"; null for a preambular paragraph, which is not numbered. */
  marker: string | null;
  /** How negotiators name it: "PP 3", "OP 4", "OP 4 (a)", "Annex 2 (b) (i)". */
  reference: string;
  /** The punctuation it ends with in print, replacing whatever its text ends with. */
  ending: "," | ";" | ":" | ".";
  /** How many characters of its text open it in italics ("Recalling", "Calls upon"). */
  openingLength: number;
};

/** A section as numbering reads it: its passages in reading order, and the numbering it continues. */
export type NumberedSection = { part: NumberingPart; passages: readonly Passage[] };

type Counters = { preambular: number; operative: number; letter: number; roman: number };

/**
 * Numbers the paragraphs of a whole plan, sections in order: operative
 * paragraphs continuously across the sections of a part, sub-paragraphs (a),
 * (b) under the paragraph before them and (i), (ii) under the lettered one
 * before them. Each paragraph's ending follows General Assembly style: a
 * preambular paragraph ends with a comma, an operative one with a semicolon
 * and the last of its part with a full stop, and one followed by its
 * sub-paragraphs with a colon. Plain text and headings get no number.
 */
export function numberParagraphs(sections: readonly NumberedSection[]): Map<string, ParagraphNumber> {
  const numbers = new Map<string, ParagraphNumber>();
  for (const part of ["main", "annex"] as const) {
    const passages = sections.filter((section) => section.part === part).flatMap((section) => section.passages);
    numberPart(passages, part, numbers);
  }
  return numbers;
}

function numberPart(passages: readonly Passage[], part: NumberingPart, into: Map<string, ParagraphNumber>): void {
  const counters: Counters = { preambular: 0, operative: 0, letter: 0, roman: 0 };
  const numbered = passages.filter((passage) => passage.kind && passage.kind !== "plain");
  // The last operative paragraph, or sub-paragraph of one, ends the part with a full stop.
  let parent: Passage | null = null;
  let lastOperative = -1;
  numbered.forEach((passage, index) => {
    if (passage.kind !== "subparagraph") parent = passage;
    if (passage.kind === "operative" || (passage.kind === "subparagraph" && parent?.kind !== "preambular"))
      lastOperative = index;
  });
  let parentReference = "";
  let letterReference = "";
  parent = null;
  numbered.forEach((passage, index) => {
    const next = numbered[index + 1];
    const { marker, reference } = countPassage(passage, counters, part, { parentReference, letterReference });
    if (passage.kind !== "subparagraph") {
      parent = passage;
      parentReference = reference;
    } else if (passage.level === 1) letterReference = reference;
    into.set(passage.blockId, {
      marker,
      reference,
      ending: chooseEnding(passage, next, parent, index === lastOperative),
      openingLength: measureOpeningPhrase(passage.text, passage.kind!),
    });
  });
}

function countPassage(
  passage: Passage,
  counters: Counters,
  part: NumberingPart,
  above: { parentReference: string; letterReference: string },
): { marker: string | null; reference: string } {
  if (passage.kind === "preambular") {
    counters.preambular += 1;
    counters.letter = counters.roman = 0;
    return {
      marker: null,
      reference: part === "annex" ? `Annex PP ${counters.preambular}` : `PP ${counters.preambular}`,
    };
  }
  if (passage.kind === "operative") {
    counters.operative += 1;
    counters.letter = counters.roman = 0;
    const n = counters.operative;
    return { marker: `${n}.`, reference: part === "annex" ? `Annex ${n}` : `OP ${n}` };
  }
  if (passage.level === 2) {
    counters.roman += 1;
    const marker = `(${toRoman(counters.roman)})`;
    return { marker, reference: `${above.letterReference || above.parentReference} ${marker}`.trim() };
  }
  counters.letter += 1;
  counters.roman = 0;
  const marker = `(${toLetters(counters.letter)})`;
  return { marker, reference: `${above.parentReference} ${marker}`.trim() };
}

function chooseEnding(
  passage: Passage,
  next: Passage | undefined,
  parent: Passage | null,
  isLastOperative: boolean,
): ParagraphNumber["ending"] {
  const isNextBelow =
    next?.kind === "subparagraph" && (passage.kind !== "subparagraph" || (passage.level === 1 && next.level === 2));
  if (isNextBelow) return ":";
  if (isLastOperative) return ".";
  if (passage.kind === "preambular") return ",";
  // The last sub-paragraph of a preambular paragraph ends the way its paragraph would.
  const endsGroup = next?.kind !== "subparagraph";
  if (passage.kind === "subparagraph" && endsGroup && parent?.kind === "preambular") return ",";
  return ";";
}

/** (a) … (z), then (aa), (bb) as United Nations documents letter them. */
export function toLetters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Lower-case roman numerals, as sub-sub-paragraphs are numbered: (i), (ii), (iv). */
export function toRoman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = n;
  let roman = "";
  for (const [value, numeral] of numerals)
    while (rest >= value) {
      roman += numeral;
      rest -= value;
    }
  return roman;
}

/** The text as printed: whatever punctuation it ends with replaced by its paragraph's ending. */
export function applyEnding(text: string, ending: ParagraphNumber["ending"]): string {
  return text.replace(/[\s,;:.]*$/u, "") + ending;
}

/** How much of a text is its closing punctuation, which print replaces (see {@link applyEnding}). */
export function measureClosingPunctuation(text: string): number {
  return /[,;:.]*\s*$/u.exec(text)?.[0].length ?? 0;
}
