/**
 * Whole-paragraph edits in a Y.Doc (lib/editor/paragraph-operations.ts), the
 * way an accepted amendment makes them: a new paragraph goes after its anchor
 * and the anchor's sub-paragraphs, a moved one keeps its blockId, marks and
 * kind, and a second replica that only receives the update sees the same
 * document and the numbering shift.
 */
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deleteParagraph, insertParagraphAfter, moveParagraphAfter } from "@/lib/editor/paragraph-operations";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import { contentFromYdoc, ydocFromContent } from "@/lib/editor/ydoc";
import { kindedDocument } from "@/test/support/kinded-paragraphs";

const TEXT = kindedDocument([
  ["op1", "operative", "Decides one"],
  ["op2", "operative", "Decides two"],
  ["op2a", "subparagraph", "letter a"],
  ["op2b", "subparagraph", "letter b"],
  ["op3", "operative", "Decides three"],
]);

function ids(doc: Y.Doc): string[] {
  return readPassages(contentFromYdoc(doc)).map((p) => p.blockId);
}

function references(doc: Y.Doc): Record<string, string> {
  const numbers = numberParagraphs([{ part: "main", passages: readPassages(contentFromYdoc(doc)) }]);
  return Object.fromEntries([...numbers].map(([id, n]) => [id, n.reference]));
}

/** A second replica, as a connected editor has: it only ever receives the first one's updates. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  doc.on("update", (update: Uint8Array) => Y.applyUpdate(replica, update));
  return replica;
}

describe("insertParagraphAfter", () => {
  it("puts an operative paragraph after its anchor's sub-paragraphs, and the paragraphs after it renumber", () => {
    const doc = ydocFromContent(TEXT);
    const replica = replicaOf(doc);
    expect(references(replica).op3).toBe("OP 3");
    const isDone = insertParagraphAfter(doc, "op2", {
      blockId: "bis",
      text: "Decides two bis",
      kind: "operative",
      level: 1,
    });
    expect(isDone).toBe(true);
    expect(ids(replica)).toEqual(["op1", "op2", "op2a", "op2b", "bis", "op3"]);
    expect(references(replica)).toMatchObject({ bis: "OP 3", op3: "OP 4" });
    const inserted = (contentFromYdoc(replica).content as JSONContent[])[4];
    expect(inserted).toEqual({
      type: "paragraph",
      attrs: { blockId: "bis", kind: "operative", level: 1 },
      content: [{ type: "text", text: "Decides two bis" }],
    });
  });

  it("puts a sub-paragraph right after its anchor, among its siblings", () => {
    const doc = ydocFromContent(TEXT);
    insertParagraphAfter(doc, "op2a", { blockId: "abis", text: "letter a bis", kind: "subparagraph", level: 1 });
    expect(ids(doc)).toEqual(["op1", "op2", "op2a", "abis", "op2b", "op3"]);
    expect(references(doc)).toMatchObject({ abis: "OP 2 (b)", op2b: "OP 2 (c)" });
  });

  it("does nothing when the anchor is gone", () => {
    const doc = ydocFromContent(TEXT);
    expect(insertParagraphAfter(doc, "gone", { blockId: "x", text: "x", kind: "plain", level: 1 })).toBe(false);
    expect(ids(doc)).toEqual(["op1", "op2", "op2a", "op2b", "op3"]);
  });
});

describe("deleteParagraph", () => {
  it("removes the paragraph only, and the rest renumber", () => {
    const doc = ydocFromContent(TEXT);
    const replica = replicaOf(doc);
    expect(deleteParagraph(doc, "op1")).toBe(true);
    expect(ids(replica)).toEqual(["op2", "op2a", "op2b", "op3"]);
    expect(references(replica)).toMatchObject({ op2: "OP 1", op3: "OP 2" });
    expect(deleteParagraph(doc, "op1")).toBe(false);
  });
});

describe("moveParagraphAfter", () => {
  it("moves the paragraph, keeping its blockId, kind and marks, after the target's sub-paragraphs", () => {
    const marked = kindedDocument([
      ["op1", "operative", ""],
      ["op2", "operative", "Decides two"],
      ["op2a", "subparagraph", "letter a"],
      ["op3", "operative", "Decides three"],
    ]);
    (marked.content as JSONContent[])[0].content = [
      { type: "text", text: "Decides " },
      { type: "text", text: "one", marks: [{ type: "comment", attrs: { threadIds: "t1" } }] },
    ];
    const doc = ydocFromContent(marked);
    const replica = replicaOf(doc);
    expect(moveParagraphAfter(doc, "op1", "op2")).toBe(true);
    expect(ids(replica)).toEqual(["op2", "op2a", "op1", "op3"]);
    const moved = (contentFromYdoc(replica).content as JSONContent[])[2];
    expect(moved).toEqual((marked.content as JSONContent[])[0]);
    expect(references(replica)).toMatchObject({ op2: "OP 1", op1: "OP 2", op3: "OP 3" });
  });

  it("moves a paragraph up, and refuses a target that is itself or gone", () => {
    const doc = ydocFromContent(TEXT);
    expect(moveParagraphAfter(doc, "op3", "op1")).toBe(true);
    expect(ids(doc)).toEqual(["op1", "op3", "op2", "op2a", "op2b"]);
    expect(moveParagraphAfter(doc, "op3", "op3")).toBe(false);
    expect(moveParagraphAfter(doc, "op3", "gone")).toBe(false);
    expect(moveParagraphAfter(doc, "gone", "op1")).toBe(false);
    expect(ids(doc)).toEqual(["op1", "op3", "op2", "op2a", "op2b"]);
  });
});
