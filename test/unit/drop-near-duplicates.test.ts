/** Near-identical suggestions are folded into the best-ranked one, which keeps the others' addresses. */
import { describe, expect, it } from "vitest";
import { dropNearDuplicates } from "@/lib/provenance/drop-near-duplicates";

const textOf = (hit: { text: string }) => hit.text;

describe("dropNearDuplicates", () => {
  it("folds a repeat that differs only in case and punctuation into the first", () => {
    const hits = [
      { address: "should-9", text: "Promote cooperation between countries of origin and destination." },
      { address: "panel-1.a.s2", text: "promote cooperation between countries of origin and destination" },
      { address: "gaps-3", text: "Discourage demand that fuels trafficking in persons." },
    ];
    const kept = dropNearDuplicates({ hits, textOf, limit: 10 });
    expect(kept.map((h) => h.address)).toEqual(["should-9", "gaps-3"]);
    expect(kept[0].duplicates).toEqual(["panel-1.a.s2"]);
    expect(kept[1].duplicates).toEqual([]);
  });

  it("keeps sentences that share most but not nearly all of their words", () => {
    const hits = [
      { address: "a", text: "Strengthen protection of victims and prevent victimization of vulnerable groups." },
      { address: "b", text: "Strengthen protection of migrants and prevent victimization of vulnerable groups." },
    ];
    expect(dropNearDuplicates({ hits, textOf, limit: 10 }).map((h) => h.address)).toEqual(["a", "b"]);
  });

  it("fills the limit with distinct hits, keeping their order", () => {
    const hits = ["one two", "one two", "three four", "five six", "seven eight"].map((text, i) => ({
      address: `u${i}`,
      text,
    }));
    expect(dropNearDuplicates({ hits, textOf, limit: 3 }).map((h) => h.address)).toEqual(["u0", "u2", "u3"]);
  });
});
