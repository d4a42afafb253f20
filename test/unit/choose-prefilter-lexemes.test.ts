/** The full-text stage searches the passage's rarest words, within a budget of matches. */
import { describe, expect, it } from "vitest";
import { choosePrefilterLexemes } from "@/lib/provenance/choose-prefilter-lexemes";

const FREQUENCY = new Map([
  ["survivor", 2],
  ["compens", 5],
  ["demand", 40],
  ["cooper", 300],
  ["traffick", 900],
  ["fund", 10],
]);
const COMMON = new Set(["traffick"]);

describe("choosePrefilterLexemes", () => {
  it("searches every informative word of a small dialogue, rarest first, and no common one", () => {
    const weights = new Map([
      ["traffick", 1],
      ["demand", 1],
      ["survivor", 1],
      ["compens", 1],
    ]);
    expect(choosePrefilterLexemes({ weights, documentFrequency: FREQUENCY, common: COMMON })).toEqual([
      "survivor",
      "compens",
      "demand",
    ]);
  });

  it("stops adding words once their matches would pass the budget, but keeps at least three", () => {
    const weights = new Map([
      ["survivor", 1],
      ["compens", 1],
      ["demand", 1],
      ["cooper", 1],
      ["fund", 1],
    ]);
    expect(choosePrefilterLexemes({ weights, documentFrequency: FREQUENCY, common: COMMON, matchBudget: 100 })).toEqual(
      ["survivor", "compens", "fund", "demand"],
    );
    expect(choosePrefilterLexemes({ weights, documentFrequency: FREQUENCY, common: COMMON, matchBudget: 1 })).toEqual([
      "survivor",
      "compens",
      "fund",
    ]);
  });

  it("ranks a related word as if it were more frequent", () => {
    // fund (10) at weight 0.4 costs 25: after compens (5), before demand (40).
    const weights = new Map([
      ["demand", 1],
      ["compens", 1],
      ["fund", 0.4],
    ]);
    expect(choosePrefilterLexemes({ weights, documentFrequency: FREQUENCY, common: COMMON })).toEqual([
      "compens",
      "fund",
      "demand",
    ]);
  });

  it("falls back to common words when the passage has nothing rarer, and skips words the dialogue lacks", () => {
    const weights = new Map([
      ["traffick", 1],
      ["unknown", 1],
    ]);
    expect(choosePrefilterLexemes({ weights, documentFrequency: FREQUENCY, common: COMMON })).toEqual(["traffick"]);
  });
});
