/**
 * The BM25 baseline of the suggestion benchmark must behave like BM25, or
 * the comparison with `suggestSources` would say nothing.
 */
import { describe, expect, it } from "vitest";
import { createBm25Index, rankBm25, stemWord, tokenizeForBm25 } from "@/bench/bm25";

const CORPUS = [
  { address: "a", text: "Victims of trafficking should receive compensation from the traffickers." },
  { address: "b", text: "The General Assembly adopted its agenda for the session." },
  { address: "c", text: "Trafficking in persons requires coordinated trafficking responses." },
  { address: "d", text: "Trafficking is a crime; ratification of the Protocol is urgent." },
  { address: "e", text: "Trafficking networks profit from cheap labour." },
];

describe("tokenizeForBm25", () => {
  it("lower-cases, splits on non-letters and drops stopwords", () => {
    expect(tokenizeForBm25("The Protocol's 5 P's — and THE victims!")).toEqual(["protocol", "victim"]);
  });

  it("brings inflections of a word to one stem", () => {
    expect(stemWord("countries")).toBe(stemWord("country"));
    expect(stemWord("measures")).toBe(stemWord("measure"));
    expect(stemWord("trafficked")).toBe(stemWord("trafficking"));
    expect(stemWord("process")).toBe("process");
  });
});

describe("rankBm25", () => {
  const index = createBm25Index(CORPUS);

  it("ranks a unit with the query's exact term above an unrelated one", () => {
    const hits = rankBm25(index, "compensation for victims", 5);
    expect(hits[0].address).toBe("a");
    // The unrelated unit shares no term, so it is not returned at all.
    expect(hits.map((h) => h.address)).not.toContain("b");
  });

  it("weighs a term found in most units less than a rare one (IDF)", () => {
    // "trafficking" is in 4 of 5 units, "ratification" in one.
    const common = rankBm25(index, "trafficking", 5).find((h) => h.address === "d")!.score;
    const rare = rankBm25(index, "ratification", 5).find((h) => h.address === "d")!.score;
    expect(rare).toBeGreaterThan(common);
    // So a rare term decides the order even against a unit repeating the common one.
    expect(rankBm25(index, "trafficking ratification", 5)[0].address).toBe("d");
  });

  it("saturates repeated terms and keeps the limit", () => {
    const hits = rankBm25(index, "trafficking", 2);
    expect(hits).toHaveLength(2);
    // c says "trafficking" twice but is longer; it still comes first, but not twice as high.
    expect(hits[0].address).toBe("c");
    expect(hits[0].score).toBeLessThan(2 * hits[1].score);
  });

  it("returns nothing for a query of stopwords or unknown words", () => {
    expect(rankBm25(index, "the and of", 5)).toEqual([]);
    expect(rankBm25(index, "zebra", 5)).toEqual([]);
  });
});
