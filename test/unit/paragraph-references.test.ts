/** References to paragraphs in comments (lib/plan/paragraph-references.ts): found by the paragraph they name, shown with its number now. */
import { describe, expect, it } from "vitest";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import { findParagraphReferences, showParagraphReferences } from "@/lib/plan/paragraph-references";
import { kindedDocument } from "@/test/support/kinded-paragraphs";

function numbersOf(ids: [string, string][], annex: [string, string][] = []) {
  const section = (specs: [string, string][]) =>
    readPassages(kindedDocument(specs.map(([blockId, kind]) => [blockId, kind, `Text of ${blockId}`])));
  return numberParagraphs([
    { part: "main", passages: section(ids) },
    { part: "annex", passages: section(annex) },
  ]);
}

describe("paragraph references", () => {
  const before = numbersOf(
    [
      ["pp1", "preambular"],
      ["op1", "operative"],
      ["op2", "operative"],
      ["op2a", "subparagraph"],
      ["op3", "operative"],
    ],
    [["an1", "operative"]],
  );
  const text =
    "We support paragraph 3, not OP 2(a), and preambular paragraph 1; see also annex paragraph 1 and para. 9.";

  it("records the paragraph each reference names, leaving those to no paragraph as words", () => {
    const found = findParagraphReferences(text, before);
    expect(found.map((ref) => [text.slice(ref.start, ref.end), ref.blockId])).toEqual([
      ["paragraph 3", "op3"],
      ["OP 2(a)", "op2a"],
      ["preambular paragraph 1", "pp1"],
      ["annex paragraph 1", "an1"],
    ]);
  });

  it("shows each with the number its paragraph has now, and marks one whose paragraph is gone", () => {
    const found = findParagraphReferences(text, before);
    // OP 1 is deleted and OP 3 moved to the top: it is paragraph 1 now, and the old OP 2 is paragraph 2.
    const after = numbersOf([
      ["pp1", "preambular"],
      ["op3", "operative"],
      ["op2", "operative"],
      ["op2a", "subparagraph"],
    ]);
    expect(showParagraphReferences(text, found, after).map(({ text, isGone }) => [text, isGone])).toEqual([
      ["paragraph 1", false],
      ["OP 2 (a)", false],
      ["preambular paragraph 1", false],
      ["annex paragraph 1", true],
    ]);
  });
});
