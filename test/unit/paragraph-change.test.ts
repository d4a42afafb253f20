/**
 * The rule for amendments on whole paragraphs (lib/amendments/paragraph-change.ts):
 * when one still fits the text, and how it is named from the numbering.
 */
import { describe, expect, it } from "vitest";
import { describeParagraphChange, isParagraphChangeCurrent } from "@/lib/amendments/paragraph-change";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import { bulletList, doc } from "@/lib/editor/plan-document";
import { kindedParagraph } from "@/test/support/kinded-paragraphs";

const content = doc([
  kindedParagraph("p1", "operative", "Decides one"),
  kindedParagraph("p2", "operative", "Decides two"),
  kindedParagraph("intro", "plain", "A plain paragraph with more than six words in it"),
  bulletList([{ blockId: "item", text: "A list item" }]),
]);
const numbers = numberParagraphs([{ part: "main", passages: readPassages(content) }]);
const change = (kind: "insert_paragraph" | "delete_paragraph" | "move_paragraph", more = {}) => ({
  kind,
  blockId: "p1",
  quoteExact: "Decides one",
  targetBlockId: null,
  ...more,
});

describe("isParagraphChangeCurrent", () => {
  it("holds while the paragraph (and a move's target) is there with the words it was proposed on", () => {
    expect(isParagraphChangeCurrent(content, change("delete_paragraph"))).toBe(true);
    expect(isParagraphChangeCurrent(content, change("move_paragraph", { targetBlockId: "p2" }))).toBe(true);
    expect(isParagraphChangeCurrent(content, change("insert_paragraph", { quoteExact: "older words" }))).toBe(true);
  });

  it("fails once the words changed (delete, move), the paragraph or target is gone, or it is not a top-level paragraph", () => {
    expect(isParagraphChangeCurrent(content, change("delete_paragraph", { quoteExact: "Decides" }))).toBe(false);
    expect(isParagraphChangeCurrent(content, change("move_paragraph", { targetBlockId: "gone" }))).toBe(false);
    expect(isParagraphChangeCurrent(content, change("move_paragraph", { targetBlockId: "p1" }))).toBe(false);
    expect(isParagraphChangeCurrent(content, change("insert_paragraph", { blockId: "gone" }))).toBe(false);
    expect(isParagraphChangeCurrent(content, change("insert_paragraph", { blockId: "item" }))).toBe(false);
  });
});

describe("describeParagraphChange", () => {
  it('names them from the numbering: "5 bis", a deletion, a move from one to after another', () => {
    expect(describeParagraphChange(change("insert_paragraph"), numbers)).toBe("New paragraph OP 1 bis");
    expect(describeParagraphChange(change("delete_paragraph"), numbers)).toBe("Delete OP 1");
    expect(describeParagraphChange(change("move_paragraph", { targetBlockId: "p2" }), numbers)).toBe(
      "Move paragraph from OP 1 to after OP 2",
    );
  });

  it("names a paragraph without a number by its first words", () => {
    const texts = new Map(readPassages(content).map((p) => [p.blockId, p.text]));
    expect(describeParagraphChange(change("insert_paragraph", { blockId: "intro" }), numbers, texts)).toBe(
      "New paragraph after the paragraph “A plain paragraph with more than…”",
    );
  });
});
