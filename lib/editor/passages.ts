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
  /** The comment threads marked on its words, in order of first mark. */
  threadIds: string[];
  /** A list item's place: how deep its list is nested (1 at the top) and its marker, "•" or "3.". */
  list?: { depth: number; marker: string };
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
  const passage: Passage = { blockId, type, text: "", runs: [], citations: [], threadIds: [] };
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

/** Adds a textblock's runs, citations and threads to the passage, and returns its words. */
function readTextblock(textblock: PmNode, passage: Passage): string {
  if (textblock.childCount === 0) return "";
  let run = "";
  let words = "";
  textblock.forEach((inline) => {
    if (inline.isText) {
      run += inline.text ?? "";
      words += inline.text ?? "";
      for (const id of threadIdsOf(inline)) if (!passage.threadIds.includes(id)) passage.threadIds.push(id);
      return;
    }
    passage.runs.push(run);
    run = "";
    if (inline.type.name === "citation" && typeof inline.attrs.linkId === "string")
      passage.citations.push(inline.attrs.linkId);
  });
  passage.runs.push(run);
  return words;
}

function threadIdsOf(text: PmNode): string[] {
  const mark = text.marks.find((m) => m.type.name === "comment");
  return String(mark?.attrs.threadIds ?? "")
    .split(" ")
    .filter(Boolean);
}

/** Where the section's sources stand in reading order, and what each passage prints at its end. */
export type SourceNumbering = {
  /** Each source's one number, by link id. */
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
 * the export number on from the sections before.
 */
export function numberSources(
  passages: readonly Passage[],
  confirmedByBlock: ReadonlyMap<string, readonly string[]>,
  first = 1,
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
    passage.citations.forEach(give);
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
