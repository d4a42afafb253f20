/**
 * The placement rules of seeding (lib/plan/place-items.ts), on hand-made lexemes: a list taken whole, key phrases
 * deciding, the share of the best, the cap, similarity, and the fallback for "should" items and concerns only.
 */
import { describe, expect, it } from "vitest";
import type { PlaceableItem, PlaceableSection } from "@/lib/plan/place-items";
import { MAX_SECTIONS, placeItem, usesPhrase } from "@/lib/plan/place-items";
import type { Lexemes } from "@/lib/text/read-lexemes";

/** Words as lexemes at their positions: lower case, a plural "s" dropped, "the/and/of/a" skipped but counted. */
function lexemes(text: string): Lexemes {
  const read: Lexemes = new Map();
  text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .forEach((word, i) => {
      if (["the", "and", "of", "a", "be"].includes(word)) return;
      const stem = word.replace(/s$/, "");
      read.set(stem, [...(read.get(stem) ?? []), i + 1]);
    });
  return read;
}

/** A section with these phrases; `anchors` are among them, and always bring an item that uses one. */
function section(
  key: string,
  phrases: string[],
  { anchors = [], ...extra }: Partial<PlaceableSection> & { anchors?: string[] } = {},
): PlaceableSection {
  return {
    key,
    phrases: [...anchors, ...phrases].map((text) => ({
      text,
      lexemes: [...lexemes(text).keys()],
      isAnchor: anchors.includes(text),
    })),
    takes: [],
    fallback: false,
    profile: lexemes([key, ...phrases].join(" ")),
    ...extra,
  };
}

function item(text: string, list: PlaceableItem["list"] = "should", keyPhrases = ""): PlaceableItem {
  return { list, words: lexemes(text), keyPhraseWords: new Set(lexemes(keyPhrases).keys()) };
}

const SECTIONS = [
  section("targets", ["indicators", "measurable"], { anchors: ["targets"] }),
  section("monitoring", ["review", "mechanism"], { anchors: ["monitoring"] }),
  section("timeframe", ["time bound", "deadline"]),
  section("resources", ["resources", "funding"]),
  section("cooperation", ["partnerships"]),
  section("existing", ["existing mechanisms", "build"]),
  section("further", [], { fallback: true }),
];

const keys = (placements: { sectionKey: string }[]) => placements.map((p) => p.sectionKey);

describe("placing a list item", () => {
  it("goes to every section whose phrase is among the item's key phrases", () => {
    const placed = placeItem(
      item(
        "Include measurable targets and a monitoring mechanism.",
        "should",
        "measurable targets | monitoring mechanism",
      ),
      SECTIONS,
    );
    expect(keys(placed).sort()).toEqual(["monitoring", "targets"]);
    expect(placed.every((p) => p.method === "key_phrase")).toBe(true);
    expect(placed.find((p) => p.sectionKey === "targets")!.evidence).toBe("“targets”, “measurable”");
  });

  it("also goes where an anchor of the section brings it, whatever its key phrases say", () => {
    const placed = placeItem(
      item("Build on existing mechanisms such as the Joint Monitoring Programme", "should", "existing mechanisms"),
      SECTIONS,
    );
    expect(keys(placed)).toEqual(["monitoring", "existing"]);
  });

  it("without a key phrase, goes to the best section and those scoring at least half of it", () => {
    expect(keys(placeItem(item("Set a deadline, with funding and resources"), SECTIONS)).sort()).toEqual([
      "resources",
      "timeframe",
    ]);
    expect(keys(placeItem(item("Set a deadline and a time-bound review, with funding"), SECTIONS))).toEqual([
      "timeframe",
    ]);
  });

  it("goes to no more than MAX_SECTIONS sections", () => {
    const everything = item(
      "targets monitoring deadline funding partnerships",
      "should",
      "targets monitoring deadline funding partnerships",
    );
    expect(placeItem(everything, SECTIONS)).toHaveLength(MAX_SECTIONS);
  });

  it("finds a phrase of several words only with its words close together and in order", () => {
    expect(usesPhrase(lexemes("include time-bound targets"), ["time", "bound"])).toBe(true);
    expect(usesPhrase(lexemes("the time of the review is bound to come"), ["time", "bound"])).toBe(false);
    expect(usesPhrase(lexemes("bound in time"), ["time", "bound"])).toBe(false);
  });

  it("goes by similarity when no phrase matches, and says how similar", () => {
    const sections = [
      section("targets", ["indicators"], { profile: lexemes("targets measure progress") }),
      ...SECTIONS.slice(1),
    ];
    const [placed] = placeItem(item("Measure progress"), sections);
    expect(placed).toMatchObject({ sectionKey: "targets", method: "similarity" });
    expect(placed.evidence).toMatch(/^similarity \d+\.\d\d$/);
    // One shared word is chance, not similarity.
    expect(placeItem(item("Progress in the economy"), sections)).toEqual([
      { sectionKey: "further", method: "fallback", evidence: "matched no section" },
    ]);
  });

  it("puts a 'should' item or a concern that matches nothing in the fallback section, and other lists nowhere", () => {
    expect(placeItem(item("Engage men and boys"), SECTIONS)).toEqual([
      { sectionKey: "further", method: "fallback", evidence: "matched no section" },
    ]);
    expect(keys(placeItem(item("Hate speech online", "concerns"), SECTIONS))).toEqual(["further"]);
    expect(placeItem(item("Hate speech online", "consensus"), SECTIONS)).toEqual([]);
  });

  it("puts every item of a list that a section takes there, and nowhere else", () => {
    const sections = [section("preamble", [], { takes: ["consensus"] }), ...SECTIONS];
    expect(placeItem(item("The need for measurable targets", "consensus"), sections)).toEqual([
      { sectionKey: "preamble", method: "list", evidence: "takes the consensus list" },
    ]);
    expect(keys(placeItem(item("Include measurable targets", "should", "measurable targets"), sections))).toEqual([
      "targets",
    ]);
  });
});
