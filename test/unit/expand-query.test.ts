/**
 * Query expansion: a paraphrase must find its source, but never outrank the
 * passage's own words, and one step of relation must not lead on to another.
 */
import { describe, expect, it } from "vitest";
import { expandQuery } from "@/lib/provenance/expand-query";
import thesaurus from "@/lib/provenance/thesaurus.json";

const STEMMED = {
  variants: [
    ["identifi", "identif"],
    ["child", "children"],
  ],
  related: [
    ["fund", "financ", "resourc"],
    ["victim", "survivor"],
    ["identif", "screen"],
    ["resourc", "asset"],
  ],
};

describe("expandQuery", () => {
  it("keeps the passage's own lexemes at weight 1", () => {
    const weights = expandQuery({ lexemes: ["plan", "fund"], thesaurus: STEMMED, relatedWeight: 0.4 });
    expect(weights.get("plan")).toBe(1);
    expect(weights.get("fund")).toBe(1);
  });

  it("adds related lexemes at the lower weight", () => {
    const weights = expandQuery({ lexemes: ["fund"], thesaurus: STEMMED, relatedWeight: 0.4 });
    expect(weights.get("financ")).toBe(0.4);
    expect(weights.get("resourc")).toBe(0.4);
    expect(weights.has("victim")).toBe(false);
  });

  it("counts a variant as the word itself, and follows its relations too", () => {
    const weights = expandQuery({ lexemes: ["identifi"], thesaurus: STEMMED, relatedWeight: 0.4 });
    expect(weights.get("identif")).toBe(1);
    expect(weights.get("screen")).toBe(0.4);
  });

  it("goes one step only: a related word's own relations are not added", () => {
    const weights = expandQuery({ lexemes: ["fund"], thesaurus: STEMMED, relatedWeight: 0.4 });
    expect(weights.has("asset")).toBe(false);
  });

  it("never lowers a lexeme the passage uses itself", () => {
    const weights = expandQuery({ lexemes: ["victim", "survivor"], thesaurus: STEMMED, relatedWeight: 0.4 });
    expect(weights.get("victim")).toBe(1);
    expect(weights.get("survivor")).toBe(1);
  });

  it("returns nothing for no lexemes", () => {
    expect(expandQuery({ lexemes: [], thesaurus: STEMMED, relatedWeight: 0.4 }).size).toBe(0);
  });
});

describe("thesaurus.json", () => {
  const groups = [...thesaurus.variants, ...thesaurus.related];

  it("holds single lower-case words, as the stemmer is given one word at a time", () => {
    for (const word of groups.flat()) expect(word).toMatch(/^[a-z]+$/);
  });

  it("has groups of two words or more, each word once", () => {
    for (const group of groups) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      expect(new Set(group).size).toBe(group.length);
    }
  });
});
