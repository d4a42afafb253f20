/**
 * Whole-paragraph edits inside a section's Y.Doc, for server-side edits (an
 * accepted amendment): insert a new paragraph after another, delete one, move
 * one. They work on the document's top-level paragraphs, the numbered text of
 * a General Assembly resolution.
 *
 * "After paragraph 5" means after paragraph 5 and the sub-paragraphs under it,
 * unless the paragraph placed there is itself one of them (a sub-paragraph
 * deeper than 5): the same groups the drafter's move command jumps over
 * (lib/editor/paragraph-commands.ts).
 *
 * Yjs has no move: a moved paragraph is a copy — same blockId, kind, text and
 * marks (so provenance links, comment marks and statuses keyed by its blockId
 * follow it) — put in place of the original, in one transaction. Words typed
 * into the original by someone who has not yet synced are lost with it, as
 * with any deleted paragraph.
 */
import * as Y from "yjs";
import { readParagraphKind, readSubparagraphLevel } from "./paragraph-kinds";
import type { ParagraphKind, SubparagraphLevel } from "./paragraph-kinds";
import { YDOC_FIELD } from "./ydoc";

export type NewParagraph = { blockId: string; text: string; kind: ParagraphKind; level: SubparagraphLevel };

/** Where a top-level paragraph with this blockId sits in the document; -1 when it has none. */
export function indexOfParagraph(fragment: Y.XmlFragment, blockId: string): number {
  return fragment
    .toArray()
    .findIndex(
      (node) =>
        node instanceof Y.XmlElement && node.nodeName === "paragraph" && node.getAttribute("blockId") === blockId,
    );
}

/** How far a block sits below a paragraph: 1 for a lettered sub-paragraph, 2 for a roman one, else 0. */
function depthOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook | undefined): number {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== "paragraph") return 0;
  if (readParagraphKind(node.getAttribute("kind")) !== "subparagraph") return 0;
  return readSubparagraphLevel(node.getAttribute("level"));
}

/** The index just after the anchor and the blocks under it deeper than `depth` (the depth of what goes there). */
function indexAfterGroup(fragment: Y.XmlFragment, anchorIndex: number, depth: number): number {
  const nodes = fragment.toArray();
  let end = anchorIndex + 1;
  while (end < nodes.length && depthOf(nodes[end]) > Math.max(depth, depthOf(nodes[anchorIndex]))) end++;
  return end;
}

function depthOfStyle({ kind, level }: { kind: ParagraphKind; level: SubparagraphLevel }): number {
  return kind === "subparagraph" ? level : 0;
}

/** Inserts a paragraph after the anchor paragraph (and its sub-paragraphs); false when the anchor is gone. */
export function insertParagraphAfter(doc: Y.Doc, anchorBlockId: string, paragraph: NewParagraph): boolean {
  const fragment = doc.getXmlFragment(YDOC_FIELD);
  const anchor = indexOfParagraph(fragment, anchorBlockId);
  if (anchor === -1) return false;
  // Attributes as the editor's Yjs binding stores them, so the node reads back like one typed in the editor.
  const element = new Y.XmlElement("paragraph");
  element.setAttribute("blockId", paragraph.blockId);
  element.setAttribute("kind", paragraph.kind);
  // Stored as a number, as the binding stores the schema's attribute (yjs's types say strings only).
  element.setAttribute("level", paragraph.level as unknown as string);
  element.insert(0, [new Y.XmlText(paragraph.text)]);
  doc.transact(() => fragment.insert(indexAfterGroup(fragment, anchor, depthOfStyle(paragraph)), [element]));
  return true;
}

/** Deletes the paragraph (its sub-paragraphs stay, numbered under the paragraph before); false when it is gone. */
export function deleteParagraph(doc: Y.Doc, blockId: string): boolean {
  const fragment = doc.getXmlFragment(YDOC_FIELD);
  const index = indexOfParagraph(fragment, blockId);
  if (index === -1) return false;
  doc.transact(() => fragment.delete(index, 1));
  return true;
}

/**
 * Moves the paragraph to after the target paragraph (and its sub-paragraphs),
 * keeping its blockId, attributes, text and marks; false when either is gone
 * or they are the same paragraph.
 */
export function moveParagraphAfter(doc: Y.Doc, blockId: string, targetBlockId: string): boolean {
  const fragment = doc.getXmlFragment(YDOC_FIELD);
  const from = indexOfParagraph(fragment, blockId);
  if (from === -1 || blockId === targetBlockId || indexOfParagraph(fragment, targetBlockId) === -1) return false;
  const original = fragment.get(from) as Y.XmlElement;
  const depth = depthOf(original);
  doc.transact(() => {
    const copy = original.clone();
    fragment.delete(from, 1);
    const target = indexOfParagraph(fragment, targetBlockId);
    fragment.insert(indexAfterGroup(fragment, target, depth), [copy]);
  });
  return true;
}
