/**
 * The drafter's two commands on a General Assembly text: give the paragraphs
 * in the selection a style (plain, preambular, operative, sub-paragraph), and
 * move the paragraph at the caret up or down. Both are ordinary ProseMirror
 * transactions, so they reach everyone through Yjs like typing does, and
 * both keep each paragraph's blockId (provenance links and comments point at it).
 * Defined once here, with their shortcuts, for the editor and the toolbar.
 */
import { Extension } from "@tiptap/core";
import { Fragment } from "@tiptap/pm/model";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Selection, TextSelection } from "@tiptap/pm/state";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { PARAGRAPH_STYLES, readParagraphKind, readSubparagraphLevel } from "./paragraph-kinds";
import type { ParagraphStyle } from "./paragraph-kinds";

export type MoveDirection = "up" | "down";

export const MOVE_SHORTCUTS: Record<MoveDirection, string> = { up: "Alt-Shift-ArrowUp", down: "Alt-Shift-ArrowDown" };

/**
 * Sets the style of every top-level paragraph the selection touches, as an
 * attribute change (setNodeAttribute): the node and its Yjs text items stay,
 * so comment anchors in it survive. False when the selection holds none.
 */
export function applyParagraphStyle(tr: Transaction, style: ParagraphStyle): boolean {
  const { from, to } = tr.selection;
  let hasParagraph = false;
  tr.doc.forEach((node, offset) => {
    const isTouched = from < offset + node.nodeSize && to > offset;
    if (!isTouched || node.type.name !== "paragraph") return;
    hasParagraph = true;
    if (node.attrs.kind !== style.kind) tr.setNodeAttribute(offset, "kind", style.kind);
    if (node.attrs.level !== style.level) tr.setNodeAttribute(offset, "level", style.level);
  });
  return hasParagraph;
}

/** The style of the top-level paragraph at the caret, or null when the caret is in no such paragraph. */
export function readParagraphStyleAt(state: EditorState): ParagraphStyle | null {
  const { $from } = state.selection;
  const block = $from.depth >= 1 ? $from.node(1) : null;
  if (block?.type.name !== "paragraph") return null;
  const kind = readParagraphKind(block.attrs.kind);
  return { kind, level: kind === "subparagraph" ? readSubparagraphLevel(block.attrs.level) : 1 };
}

/** How far a block sits below a paragraph: 1 for a lettered sub-paragraph, 2 for a roman one, 0 for anything else. */
function depthOf(node: PmNode): number {
  if (node.type.name !== "paragraph" || node.attrs.kind !== "subparagraph") return 0;
  return readSubparagraphLevel(node.attrs.level);
}

/** The top-level blocks [start, end) that move as one: the block at `index` and the sub-paragraphs under it. */
function groupAt(doc: PmNode, index: number): [number, number] {
  const depth = depthOf(doc.child(index));
  let end = index + 1;
  while (end < doc.childCount && depthOf(doc.child(end)) > depth) end++;
  return [index, end];
}

/**
 * The group that the moving one jumps over: below it, the next block with its
 * sub-paragraphs; above it, back to the nearest block no deeper than it, with
 * everything under that one. So an operative paragraph jumps over its whole
 * neighbour, and a sub-paragraph over its sibling with that sibling's own subs.
 */
function neighbourOf(doc: PmNode, [start, end]: [number, number], direction: MoveDirection): [number, number] | null {
  if (direction === "down") return end < doc.childCount ? groupAt(doc, end) : null;
  if (start === 0) return null;
  const depth = depthOf(doc.child(start));
  let first = start - 1;
  while (first > 0 && depthOf(doc.child(first)) > depth) first--;
  return [first, start];
}

function positionOf(doc: PmNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

function blocksIn(doc: PmNode, [start, end]: [number, number]): PmNode[] {
  return Array.from({ length: end - start }, (_, i) => doc.child(start + i));
}

/**
 * Moves the passage at the caret (with its sub-paragraphs) above the group
 * before it or below the group after it, keeping the same nodes — ids,
 * kinds, marks — and the caret where it was in the text. False at either end.
 */
export function applyMoveParagraph(tr: Transaction, direction: MoveDirection): boolean {
  const { doc, selection } = tr;
  if (doc.childCount < 2) return false;
  const index = Math.min(selection.$from.index(0), doc.childCount - 1);
  const group = groupAt(doc, index);
  const neighbour = neighbourOf(doc, group, direction);
  if (!neighbour) return false;
  const moving = blocksIn(doc, group);
  const passed = blocksIn(doc, neighbour);
  const rangeStart = Math.min(group[0], neighbour[0]);
  const from = positionOf(doc, rangeStart);
  const to = positionOf(doc, Math.max(group[1], neighbour[1]));
  const oldStart = positionOf(doc, group[0]);
  const ordered = direction === "up" ? [...moving, ...passed] : [...passed, ...moving];
  tr.replaceWith(from, to, Fragment.from(ordered));
  const newStart = direction === "up" ? from : from + Fragment.from(passed).size;
  restoreSelection(tr, selection, { oldStart, oldEnd: positionOf(doc, group[1]), newStart });
  return true;
}

/** The caret (or a selection inside the moved blocks) goes with them; a wider one collapses to their start. */
function restoreSelection(
  tr: Transaction,
  selection: Selection,
  { oldStart, oldEnd, newStart }: { oldStart: number; oldEnd: number; newStart: number },
): void {
  const shift = (pos: number) => newStart + (pos - oldStart);
  const isInside = selection.from >= oldStart && selection.to <= oldEnd;
  if (isInside && selection instanceof TextSelection)
    tr.setSelection(TextSelection.create(tr.doc, shift(selection.anchor), shift(selection.head)));
  else tr.setSelection(Selection.near(tr.doc.resolve(isInside ? shift(selection.from) : newStart + 1)));
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    paragraphCommands: {
      /** Gives the top-level paragraphs in the selection this style, keeping each node and its blockId. */
      setParagraphStyle: (style: ParagraphStyle) => ReturnType;
      /** Moves the passage at the caret, with its sub-paragraphs, over its neighbour. */
      moveParagraph: (direction: MoveDirection) => ReturnType;
    };
  }
}

/** The two commands and their shortcuts (lib/editor/paragraph-kinds.ts PARAGRAPH_STYLES, and MOVE_SHORTCUTS). */
export const ParagraphCommands = Extension.create({
  name: "paragraphCommands",
  addCommands() {
    return {
      // Without dispatch (can()), the commands run on a throwaway transaction: same answer, nothing applied.
      setParagraphStyle:
        (style) =>
        ({ tr, state, dispatch }) =>
          applyParagraphStyle(dispatch ? tr : state.tr, style),
      moveParagraph:
        (direction) =>
        ({ tr, state, dispatch }) =>
          applyMoveParagraph(dispatch ? tr.scrollIntoView() : state.tr, direction),
    };
  },
  addKeyboardShortcuts() {
    return {
      ...Object.fromEntries(
        PARAGRAPH_STYLES.map((style) => [
          style.shortcut,
          () => this.editor.commands.setParagraphStyle({ kind: style.kind, level: style.level }),
        ]),
      ),
      [MOVE_SHORTCUTS.up]: () => this.editor.commands.moveParagraph("up"),
      [MOVE_SHORTCUTS.down]: () => this.editor.commands.moveParagraph("down"),
    };
  },
});
