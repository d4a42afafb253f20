/**
 * The compilation's row builder: one row per paragraph of the version,
 * numbered as the editor numbers them, section titles as group rows, every
 * proposal under its paragraph (a new paragraph under the one it follows, as
 * "new para … bis"), a kind the builder does not know still listed, and
 * paragraphs without proposals kept unless the filter asks otherwise.
 */
import { describe, expect, it } from "vitest";
import {
  buildCompilationRows,
  countCompilation,
  keepParagraphsWithProposals,
  UNPLACED_KEY,
} from "@/lib/versions/compilation";
import type { CompilationAmendment, CompilationParagraphRow, CompilationSection } from "@/lib/versions/compilation";
import { kindedDocument } from "@/test/support/kinded-paragraphs";

const SECTIONS: CompilationSection[] = [
  {
    key: "preamble",
    title: "Preamble",
    part: "main",
    content: kindedDocument([["pp1", "preambular", "Recalling its resolution 64/293,"]]),
  },
  {
    key: "operative",
    title: "Operative part",
    part: "main",
    content: kindedDocument([
      ["op1", "operative", "Adopts the Global Plan of Action;"],
      ["op2", "operative", "Calls upon Member States to implement the Plan;"],
      ["op2a", "subparagraph", "by mapping the resources required;", 1],
      ["op3", "operative", "Decides to review the Plan in 2013."],
    ]),
  },
];

function amendment(
  overrides: Partial<CompilationAmendment> & Pick<CompilationAmendment, "blockId">,
): CompilationAmendment {
  return {
    id: `a${overrides.number ?? 1}`,
    number: 1,
    kind: "replace",
    quoteExact: "",
    newText: "",
    rationale: "Because.",
    delegation: "Portugal",
    sponsors: [],
    state: "pending",
    decisionReason: null,
    decidedAt: null,
    isSinceVersion: false,
    ...overrides,
  };
}

const paragraphs = (rows: ReturnType<typeof buildCompilationRows>) =>
  rows.filter((row): row is CompilationParagraphRow => row.type === "paragraph");

describe("buildCompilationRows", () => {
  it("lists every paragraph, numbered as the editor numbers them, under its section's group row", () => {
    const rows = buildCompilationRows({ sections: SECTIONS, amendments: [] });
    expect(rows.map((row) => (row.type === "section" ? `# ${row.title}` : `${row.number}: ${row.text}`))).toEqual([
      "# Preamble",
      "PP 1: Recalling its resolution 64/293,",
      "# Operative part",
      "OP 1: Adopts the Global Plan of Action;",
      "OP 2: Calls upon Member States to implement the Plan;",
      "OP 2 (a): by mapping the resources required;",
      "OP 3: Decides to review the Plan in 2013.",
    ]);
    expect(paragraphs(rows).every((row) => row.proposals.length === 0)).toBe(true);
    expect(countCompilation(rows)).toEqual({ paragraphs: 5, withProposals: 0, proposals: 0 });
  });

  it("puts each proposal under its paragraph by number, with a word diff in the paragraph's words, delegation, co-sponsors and decision", () => {
    const rows = buildCompilationRows({
      sections: SECTIONS,
      amendments: [
        amendment({
          number: 4,
          blockId: "op2",
          kind: "delete",
          quoteExact: "Member",
          quotePrefix: "Calls upon ",
          quoteSuffix: " States",
          delegation: "Cabo Verde",
          state: "rejected",
          decisionReason: "Member States act, not States alone.",
        }),
        amendment({
          number: 2,
          blockId: "op2",
          kind: "replace",
          quoteExact: "implement",
          quotePrefix: "Member States to ",
          quoteSuffix: " the Plan;",
          newText: "fully implement",
          sponsors: ["Cabo Verde", "Brazil"],
          state: "accepted",
          decisionReason: "Agreed in the informal of 3 May.",
          isSinceVersion: true,
        }),
      ],
    });
    const op2 = paragraphs(rows).find((row) => row.blockId === "op2")!;
    expect(op2.proposals.map((p) => p.number)).toEqual([2, 4]);
    const [replace, removal] = op2.proposals;
    expect(replace).toMatchObject({
      kindLabel: "Replace",
      label: null,
      delegation: "Portugal",
      sponsors: ["Cabo Verde", "Brazil"],
      state: "accepted",
      decisionReason: "Agreed in the informal of 3 May.",
      isSinceVersion: true,
    });
    expect(replace.diff.filter((s) => s.type !== "equal")).toEqual([{ type: "insert", text: "fully " }]);
    expect(replace.diff.map((s) => s.text).join("")).toBe("…Member States to fully implement the Plan;");
    expect(removal).toMatchObject({ kindLabel: "Delete", delegation: "Cabo Verde", state: "rejected" });
    expect(removal.diff).toContainEqual({ type: "delete", text: "Member" });
    expect(countCompilation(rows)).toEqual({ paragraphs: 5, withProposals: 1, proposals: 2 });
  });

  it('names a new paragraph after the one it follows ("new para OP 2 bis") and lists it under that paragraph', () => {
    const rows = buildCompilationRows({
      sections: SECTIONS,
      amendments: [
        amendment({ blockId: "op2", kind: "insert_paragraph", newText: "Encourages regional plans;" }),
        amendment({ number: 2, blockId: "pp1", kind: "insert_paragraph", newText: "Recalling also resolution 65/1," }),
      ],
    });
    const op2 = paragraphs(rows).find((row) => row.blockId === "op2")!;
    expect(op2.proposals[0]).toMatchObject({ kindLabel: "New paragraph", label: "new para OP 2 bis" });
    expect(op2.proposals[0].diff).toEqual([{ type: "insert", text: "Encourages regional plans;" }]);
    expect(paragraphs(rows).find((row) => row.blockId === "pp1")!.proposals[0].label).toBe("new para PP 1 bis");
    // The new paragraph is a proposal, not a row of the text: the text keeps its five paragraphs.
    expect(countCompilation(rows).paragraphs).toBe(5);
  });

  it("shows a paragraph's deletion as the whole paragraph struck, and a move with where it goes", () => {
    const rows = buildCompilationRows({
      sections: SECTIONS,
      amendments: [
        amendment({ blockId: "op3", kind: "delete_paragraph", quoteExact: "Decides to review" }),
        amendment({ number: 2, blockId: "op1", kind: "move_paragraph", targetBlockId: "op3" }),
      ],
    });
    const byBlock = new Map(paragraphs(rows).map((row) => [row.blockId, row]));
    expect(byBlock.get("op3")!.proposals[0]).toMatchObject({
      kindLabel: "Delete paragraph",
      diff: [{ type: "delete", text: "Decides to review the Plan in 2013." }],
    });
    expect(byBlock.get("op1")!.proposals[0]).toMatchObject({ kindLabel: "Move paragraph", note: "to after OP 3" });
  });

  it("still lists a kind it does not know, by its name and text", () => {
    const rows = buildCompilationRows({
      sections: SECTIONS,
      amendments: [amendment({ blockId: "op1", kind: "split_paragraph", newText: "Adopts the Plan. | Annexes it." })],
    });
    const [proposal] = paragraphs(rows).find((row) => row.blockId === "op1")!.proposals;
    expect(proposal).toMatchObject({
      kind: "split_paragraph",
      kindLabel: "split paragraph",
      diff: [{ type: "insert", text: "Adopts the Plan. | Annexes it." }],
    });
  });

  it("keeps a proposal whose paragraph is not in the version, under a last group row of its own", () => {
    const rows = buildCompilationRows({
      sections: SECTIONS,
      amendments: [amendment({ blockId: "gone", kind: "delete", quoteExact: "old words" })],
    });
    expect(rows.at(-2)).toMatchObject({ type: "section", key: UNPLACED_KEY });
    expect(rows.at(-1)).toMatchObject({ type: "paragraph", text: "old words", proposals: [{ kindLabel: "Delete" }] });
  });

  it("filters to the paragraphs with proposals and the group rows of their sections", () => {
    const rows = buildCompilationRows({
      sections: SECTIONS,
      amendments: [amendment({ blockId: "op2a", kind: "insert_after", quoteExact: "resources", newText: "and means" })],
    });
    const kept = keepParagraphsWithProposals(rows);
    expect(kept.map((row) => (row.type === "section" ? row.title : row.number))).toEqual([
      "Operative part",
      "OP 2 (a)",
    ]);
  });
});
