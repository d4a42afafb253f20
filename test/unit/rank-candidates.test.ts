/**
 * The in-memory stage of source suggestions: BM25 with weighted lexemes,
 * proximity, a sentence's statement as context, and key phrases.
 */
import { describe, expect, it } from "vitest";
import type { Candidate, RankingStats } from "@/lib/provenance/rank-candidates";
import { rankCandidates } from "@/lib/provenance/rank-candidates";

const STATS: RankingStats = {
  units: 100,
  averageLength: 10,
  averageContextLength: 40,
  documentFrequency: new Map([
    ["fund", 2],
    ["resourc", 2],
    ["human", 30],
    ["right", 5],
    ["root", 3],
    ["caus", 4],
    ["demand", 8],
  ]),
};

function candidate(address: string, terms: Record<string, number[]>, extra: Partial<Candidate> = {}): Candidate {
  return {
    kind: "sentence",
    address,
    text: address,
    terms: new Map(Object.entries(terms)),
    length: 10,
    context: null,
    keyPhrases: [],
    ...extra,
  };
}

function rank(candidates: Candidate[], weights: Record<string, number>, positions: Record<string, number[]>): string[] {
  const query = { weights: new Map(Object.entries(weights)), positions: new Map(Object.entries(positions)) };
  return rankCandidates({ candidates, query, stats: STATS }).map((r) => r.candidate.address);
}

describe("rankCandidates", () => {
  it("ranks the passage's own word above a related word of the same rarity", () => {
    // Named so that the tie-break by address alone would put "a-related" first.
    const order = rank(
      [candidate("a-related", { resourc: [1] }), candidate("b-own", { fund: [1] })],
      { fund: 1, resourc: 0.4 },
      { fund: [1] },
    );
    expect(order).toEqual(["b-own", "a-related"]);
  });

  it("finds a unit through a related word alone", () => {
    const ranked = rankCandidates({
      candidates: [candidate("related", { resourc: [1] })],
      query: {
        weights: new Map([
          ["fund", 1],
          ["resourc", 0.4],
        ]),
        positions: new Map([["fund", [1]]]),
      },
      stats: STATS,
    });
    expect(ranked[0].score).toBeGreaterThan(0);
  });

  it("prefers words that stand together in the passage and the unit", () => {
    const order = rank(
      [candidate("apart", { root: [1], caus: [9] }), candidate("together", { root: [4], caus: [5] })],
      { root: 1, caus: 1 },
      { root: [2], caus: [3] },
    );
    expect(order).toEqual(["together", "apart"]);
  });

  it("lifts a sentence whose statement carries the passage's other words", () => {
    const context = {
      terms: new Map([
        ["demand", 1],
        ["root", 2],
        ["caus", 2],
      ]),
      length: 40,
    };
    const order = rank(
      [candidate("alone", { demand: [3] }), candidate("in-context", { demand: [3] }, { context })],
      { demand: 1, root: 1, caus: 1 },
      { demand: [1], root: [5], caus: [6] },
    );
    expect(order).toEqual(["in-context", "alone"]);
  });

  it("boosts a list item whose key phrase the passage uses, not one whose words are far apart", () => {
    const item = (address: string) =>
      candidate(address, { root: [1], caus: [2] }, { kind: "item", keyPhrases: [["root", "caus"]] });
    const near = rankCandidates({
      candidates: [item("item"), candidate("sentence", { root: [1], caus: [2] })],
      query: {
        weights: new Map([
          ["root", 1],
          ["caus", 1],
        ]),
        positions: new Map([
          ["root", [3]],
          ["caus", [4]],
        ]),
      },
      stats: STATS,
    });
    expect(near[0].candidate.address).toBe("item");
    expect(near[0].score).toBeGreaterThan(near[1].score * 1.4);
    const far = rankCandidates({
      candidates: [item("item"), candidate("sentence", { root: [1], caus: [2] })],
      query: {
        weights: new Map([
          ["root", 1],
          ["caus", 1],
        ]),
        positions: new Map([
          ["root", [3]],
          ["caus", [30]],
        ]),
      },
      stats: STATS,
    });
    expect(far[0].score).toBeCloseTo(far[1].score);
  });

  it("ignores single-word key phrases and orders ties by address", () => {
    const order = rank(
      [candidate("b", { demand: [1] }, { kind: "item", keyPhrases: [["demand"]] }), candidate("a", { demand: [1] })],
      { demand: 1 },
      { demand: [1] },
    );
    expect(order).toEqual(["a", "b"]);
  });
});
