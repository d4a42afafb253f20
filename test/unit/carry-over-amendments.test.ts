/** Re-locating an amendment's target (blockId + quote) in a revision's text: where it was, followed when moved, else stale. */
import { describe, expect, it } from "vitest";
import { indexText, relocateTarget } from "@/lib/negotiation/carry-over-amendments";

const paragraph = (blockId: string, text: string) => ({
  type: "paragraph",
  attrs: { blockId },
  content: [{ type: "text", text }],
});
const doc = (...content: object[]) => ({ type: "doc", content });
const quote = (exact: string, prefix = "", suffix = "") => ({ exact, prefix, suffix });

const index = indexText([
  { id: "s1", content: doc(paragraph("p1", "States shall protect victims."), paragraph("p2", "Shelters are funded.")) },
  {
    id: "s2",
    content: doc(paragraph("p9", "Partners cooperate across borders."), paragraph("p3", "Shelters are funded.")),
  },
]);

describe("relocateTarget", () => {
  it("keeps a target whose words are unchanged where it was", () => {
    expect(relocateTarget(index, { sectionId: "s1", blockId: "p1", quote: quote("protect victims") })).toEqual({
      sectionId: "s1",
      blockId: "p1",
    });
  });

  it("follows a paragraph moved to another section (same id)", () => {
    expect(relocateTarget(index, { sectionId: "s1", blockId: "p9", quote: quote("cooperate") })).toEqual({
      sectionId: "s2",
      blockId: "p9",
    });
  });

  it("follows words pasted under a new id only when their surroundings make them unique", () => {
    const moved = { sectionId: "s1", blockId: "gone", quote: quote("cooperate", "Partners ", " across") };
    expect(relocateTarget(index, moved)).toEqual({ sectionId: "s2", blockId: "p9" });
    // Without surroundings, or held by two passages: not followed, so stale.
    expect(relocateTarget(index, { ...moved, quote: quote("cooperate") })).toBeNull();
    expect(
      relocateTarget(index, { sectionId: "s1", blockId: "gone", quote: quote("Shelters are funded.") }),
    ).toBeNull();
  });

  it("treats a whole paragraph quoted (a paragraph-level amendment) like any quote", () => {
    const whole = { sectionId: "s1", blockId: "p2", quote: quote("Shelters are funded.") };
    expect(relocateTarget(index, whole)).toEqual({ sectionId: "s1", blockId: "p2" });
  });

  it("finds a target stale when its words changed", () => {
    expect(relocateTarget(index, { sectionId: "s1", blockId: "p1", quote: quote("prosecute offenders") })).toBeNull();
  });
});
