/**
 * Paragraph numbering (lib/editor/passages.ts numberParagraphs): what a
 * General Assembly text prints before and after each paragraph, and how
 * negotiators refer to it.
 */
import { describe, expect, it } from "vitest";
import { applyEnding, numberParagraphs, readPassages } from "@/lib/editor/passages";
import type { NumberingPart } from "@/lib/editor/passages";
import { measureOpeningPhrase } from "@/lib/editor/paragraph-kinds";
import { kindedDocument } from "@/test/support/kinded-paragraphs";
import type { ParagraphSpec } from "@/test/support/kinded-paragraphs";

function section(part: NumberingPart, specs: ParagraphSpec[]) {
  return { part, passages: readPassages(kindedDocument(specs)) };
}

const resolution = [
  section("main", [
    ["pp1", "preambular", "Recalling its resolution 63/194"],
    ["pp2", "preambular", "Deeply concerned at the trafficking of persons,"],
    ["note", "plain", "A drafting note."],
  ]),
  section("main", [
    ["op1", "operative", "Adopts the Plan annexed to this resolution;"],
    ["op2", "operative", "Urges Member States"],
    ["op2a", "subparagraph", "To ratify the Protocol"],
    ["op2b", "subparagraph", "To protect victims, in particular:"],
    ["op2bi", "subparagraph", "children", 2],
    ["op2bii", "subparagraph", "women", 2],
    ["op3", "operative", "Calls upon States to act."],
  ]),
  section("annex", [
    ["an1", "operative", "Promote research"],
    ["an2", "operative", "Take measures"],
  ]),
];

describe("numberParagraphs", () => {
  const numbers = numberParagraphs(resolution);
  const marker = (id: string) => numbers.get(id)?.marker;
  const ending = (id: string) => numbers.get(id)?.ending;
  const reference = (id: string) => numbers.get(id)?.reference;

  it("numbers operative paragraphs across the sections of a part, and the annex from 1 again", () => {
    expect(["op1", "op2", "op3", "an1", "an2"].map(marker)).toEqual(["1.", "2.", "3.", "1.", "2."]);
    expect(marker("pp1")).toBeNull();
    expect(numbers.has("note")).toBe(false);
  });

  it("letters sub-paragraphs under their paragraph and numbers the level below in roman", () => {
    expect(["op2a", "op2b", "op2bi", "op2bii"].map(marker)).toEqual(["(a)", "(b)", "(i)", "(ii)"]);
    expect(["pp2", "op2", "op2b", "op2bii", "an2"].map(reference)).toEqual([
      "PP 2",
      "OP 2",
      "OP 2 (b)",
      "OP 2 (b) (ii)",
      "Annex 2",
    ]);
  });

  it("ends paragraphs as the General Assembly does: comma, semicolon, colon before sub-paragraphs, full stop last", () => {
    expect(["pp1", "pp2", "op1", "op2", "op2a", "op2b", "op2bi", "op2bii", "op3"].map(ending)).toEqual([
      ",",
      ",",
      ";",
      ":",
      ";",
      ":",
      ";",
      ";",
      ".",
    ]);
    expect(["an1", "an2"].map(ending)).toEqual([";", "."]);
    expect(applyEnding("Adopts the Plan annexed to this resolution.", ";")).toBe(
      "Adopts the Plan annexed to this resolution;",
    );
  });

  it("renumbers when a paragraph moves: the moved one takes the number of its new place", () => {
    const [preamble, operative, annex] = resolution;
    const moved = { ...operative, passages: [operative.passages.at(-1)!, ...operative.passages.slice(0, -1)] };
    const renumbered = numberParagraphs([preamble, moved, annex]);
    expect(renumbered.get("op3")?.marker).toBe("1.");
    expect(renumbered.get("op3")?.ending).toBe(";");
    expect(renumbered.get("op1")?.marker).toBe("2.");
    // The last sub-paragraph of the last operative paragraph now closes the part.
    expect(renumbered.get("op2bii")?.ending).toBe(".");
  });
});

describe("measureOpeningPhrase", () => {
  it("takes the longest known phrase, else the first word", () => {
    expect(measureOpeningPhrase("Noting with concern that", "preambular")).toBe("Noting with concern".length);
    expect(measureOpeningPhrase("Calls upon States", "operative")).toBe("Calls upon".length);
    expect(measureOpeningPhrase("Invites the Secretary-General", "operative")).toBe("Invites".length);
    expect(measureOpeningPhrase("Resolutely commits", "operative")).toBe("Resolutely".length);
    expect(measureOpeningPhrase("Notesworthy", "operative")).toBe("Notesworthy".length);
    expect(measureOpeningPhrase("To ratify", "subparagraph")).toBe(0);
  });
});
