/**
 * The suggestion benchmark's scoring. A wrong rule here would move every
 * quality figure without a sound, so each rule is pinned by hand-worked cases.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findPrecisionCeiling,
  findRelevantUnits,
  findUnknownLabels,
  readGoldSet,
  scoreRanking,
  statementOf,
} from "@/bench/gold-set";

const UNITS = [
  "panel-1.kang.s1",
  "panel-1.kang.s2",
  "panel-1.kang.s3",
  "panel-2.gupta.s1",
  "should-1",
  "should-2",
  "gaps-1",
  "gaps-2",
];

describe("statementOf", () => {
  it("names a sentence's statement, and nothing for a list item", () => {
    expect(statementOf("panel-2.gupta.s14")).toBe("panel-2.gupta");
    expect(statementOf("panel-3.al-harthy.s2")).toBe("panel-3.al-harthy");
    expect(statementOf("should-3")).toBeNull();
  });
});

describe("findRelevantUnits", () => {
  it("answers a statement label with every sentence of it, and other labels with themselves", () => {
    expect([...findRelevantUnits(["panel-1.kang", "should-2"], UNITS)].sort()).toEqual([
      "panel-1.kang.s1",
      "panel-1.kang.s2",
      "panel-1.kang.s3",
      "should-2",
    ]);
  });
});

describe("scoreRanking", () => {
  it("scores sentence and item labels by the textbook definitions", () => {
    const scores = scoreRanking(
      ["gaps-1", "should-1", "gaps-2", "panel-2.gupta.s1", "should-2"],
      ["should-1", "should-2"],
      UNITS,
    );
    expect(scores.precisionAt5).toBeCloseTo(2 / 5);
    expect(scores.precisionAtK).toBeCloseTo(1 / 2); // k = 2: the top 2 hold one of the two
    expect(scores.recallAt10).toBeCloseTo(1);
    expect(scores.reciprocalRank).toBeCloseTo(1 / 2);
  });

  it("counts each sentence of a labelled statement as a hit, but the statement once for recall", () => {
    const scores = scoreRanking(["panel-1.kang.s2", "panel-1.kang.s3", "gaps-1"], ["panel-1.kang", "should-1"], UNITS);
    expect(scores.precisionAt5).toBeCloseTo(2 / 5);
    expect(scores.recallAt10).toBeCloseTo(1 / 2);
    expect(scores.reciprocalRank).toBe(1);
  });

  it("counts a label given twice once", () => {
    expect(scoreRanking(["should-1"], ["should-1", "should-1"], UNITS).recallAt10).toBe(1);
  });

  it("gives nothing for a ranking without a relevant unit in its top 10", () => {
    const ranking = [...Array(10).fill("gaps-1"), "should-1"];
    expect(scoreRanking(ranking, ["should-1"], UNITS)).toEqual({
      precisionAt5: 0,
      precisionAtK: 0,
      recallAt10: 0,
      reciprocalRank: 0,
    });
  });
});

describe("gold files", () => {
  const write = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), "gold-")), "gold.json");
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it("drops the dialogue id from stored-id labels and bounds precision@5 by the labels", () => {
    const gold = readGoldSet(
      write({
        dialogueId: "d",
        passages: [
          { id: "p1", text: "x", relevant: ["d:panel-1.kang", "should-1"] },
          { id: "p2", text: "y", relevant: ["gaps-2"] },
        ],
      }),
    );
    expect(gold.passages[0].relevant).toEqual(["panel-1.kang", "should-1"]);
    expect(findUnknownLabels(gold, UNITS)).toEqual([]);
    expect(findPrecisionCeiling(gold, UNITS)).toBeCloseTo((4 / 5 + 1 / 5) / 2);
  });

  it("names labels that the dialogue does not have", () => {
    const gold = readGoldSet(
      write({ dialogueId: "d", passages: [{ id: "p1", text: "x", relevant: ["panel-9.nobody", "should-1"] }] }),
    );
    expect(findUnknownLabels(gold, UNITS)).toEqual(["p1: panel-9.nobody"]);
  });

  it("refuses a malformed file, naming the field", () => {
    expect(() => readGoldSet(write({ dialogueId: "d", passages: [{ id: "p1", text: "x", relevant: [] }] }))).toThrow(
      /passages\.0\.relevant/,
    );
  });
});
