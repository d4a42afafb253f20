/**
 * The drafter's paragraph commands (lib/editor/paragraph-commands.ts): a
 * style is an attribute change that keeps the node and its blockId, and a
 * move carries an operative paragraph's sub-paragraphs with it and jumps
 * over a whole neighbour.
 */
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { AttrStep } from "@tiptap/pm/transform";
import { describe, expect, it } from "vitest";
import { applyMoveParagraph, applyParagraphStyle, readParagraphStyleAt } from "@/lib/editor/paragraph-commands";
import type { MoveDirection } from "@/lib/editor/paragraph-commands";
import { planSchema } from "@/lib/editor/plan-document";
import { kindedDocument } from "@/test/support/kinded-paragraphs";
import type { ParagraphSpec } from "@/test/support/kinded-paragraphs";

function stateOf(specs: ParagraphSpec[], caretIn: string, offset = 1): EditorState {
  const content = kindedDocument(specs);
  const doc = PmNode.fromJSON(planSchema, content);
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, positionIn(doc, caretIn) + offset)));
}

function positionIn(doc: PmNode, blockId: string): number {
  let at = -1;
  doc.forEach((node, offset) => void (node.attrs.blockId === blockId && (at = offset + 1)));
  if (at === -1) throw new Error(`no ${blockId}`);
  return at;
}

const order = (state: EditorState) => {
  const ids: string[] = [];
  state.doc.forEach((node) => ids.push(node.attrs.blockId as string));
  return ids;
};

function move(state: EditorState, direction: MoveDirection): { state: EditorState; isMoved: boolean } {
  const tr = state.tr;
  const isMoved = applyMoveParagraph(tr, direction);
  return { state: state.apply(tr), isMoved };
}

const resolution: ParagraphSpec[] = [
  ["pp1", "preambular", "Recalling its resolutions,"],
  ["op1", "operative", "Decides to act;"],
  ["op2", "operative", "Urges Member States:"],
  ["op2a", "subparagraph", "To ratify;"],
  ["op2ai", "subparagraph", "promptly;", 2],
  ["op2b", "subparagraph", "To protect;"],
  ["op3", "operative", "Requests a report;"],
  ["op4", "operative", "Decides to remain seized."],
];

describe("moveParagraph", () => {
  it("moves an operative paragraph with its sub-paragraphs, over a whole neighbour, down and up", () => {
    const down = move(stateOf(resolution, "op2"), "down");
    expect(down.isMoved).toBe(true);
    expect(order(down.state)).toEqual(["pp1", "op1", "op3", "op2", "op2a", "op2ai", "op2b", "op4"]);
    // The caret went with the paragraph.
    expect(down.state.selection.$from.parent.attrs.blockId).toBe("op2");
    const up = move(stateOf(resolution, "op4", 3), "up");
    expect(order(up.state)).toEqual(["pp1", "op1", "op2", "op2a", "op2ai", "op2b", "op4", "op3"]);
    const overGroup = move(up.state, "up");
    expect(order(overGroup.state)).toEqual(["pp1", "op1", "op4", "op2", "op2a", "op2ai", "op2b", "op3"]);
    expect(overGroup.state.selection.$from.parent.attrs.blockId).toBe("op4");
    expect(overGroup.state.selection.$from.parentOffset).toBe(3);
  });

  it("moves a lettered sub-paragraph with its roman ones over its sibling", () => {
    const { state } = move(stateOf(resolution, "op2a"), "down");
    expect(order(state)).toEqual(["pp1", "op1", "op2", "op2b", "op2a", "op2ai", "op3", "op4"]);
  });

  it("keeps every node as it was: ids, kinds, levels and text", () => {
    const before = stateOf(resolution, "op2");
    const { state } = move(before, "down");
    const byId = (s: EditorState) => {
      const nodes = new Map<string, unknown>();
      s.doc.forEach((node) => nodes.set(node.attrs.blockId as string, node.toJSON()));
      return nodes;
    };
    expect(byId(state)).toEqual(byId(before));
  });

  it("does nothing at either end", () => {
    expect(move(stateOf(resolution, "pp1"), "up").isMoved).toBe(false);
    expect(move(stateOf(resolution, "op4"), "down").isMoved).toBe(false);
  });
});

describe("setParagraphStyle", () => {
  it("changes the kind and level by attribute, keeping the blockId and the text", () => {
    const state = stateOf([["p1", "plain", "Decides to act"]], "p1");
    const tr = state.tr;
    expect(applyParagraphStyle(tr, { kind: "subparagraph", level: 2 })).toBe(true);
    // An attribute step, not a replaced node: Yjs keeps the paragraph's text items (and the anchors in them).
    expect(tr.steps.length).toBe(2);
    expect(tr.steps.every((step) => step instanceof AttrStep)).toBe(true);
    const after = state.apply(tr);
    expect(after.doc.child(0).attrs).toMatchObject({ blockId: "p1", kind: "subparagraph", level: 2 });
    expect(after.doc.child(0).textContent).toBe("Decides to act");
    expect(readParagraphStyleAt(after)).toEqual({ kind: "subparagraph", level: 2 });
  });

  it("styles every top-level paragraph the selection touches, and only those", () => {
    const state = stateOf(
      [
        ["a", "plain", "One"],
        ["b", "plain", "Two"],
        ["c", "plain", "Three"],
      ],
      "a",
    );
    const doc = state.doc;
    const selected = state.apply(
      state.tr.setSelection(TextSelection.create(doc, positionIn(doc, "a") + 1, positionIn(doc, "b") + 1)),
    );
    const tr = selected.tr;
    applyParagraphStyle(tr, { kind: "operative", level: 1 });
    const kinds: string[] = [];
    selected.apply(tr).doc.forEach((node) => kinds.push(node.attrs.kind as string));
    expect(kinds).toEqual(["operative", "operative", "plain"]);
  });
});
