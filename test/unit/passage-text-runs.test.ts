import { describe, expect, it } from "vitest";
import { listPassageTextRuns } from "@/lib/editor/plan-document";

const content = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      attrs: { blockId: "p1" },
      content: [
        { type: "text", text: "States " },
        { type: "text", text: "should", marks: [{ type: "bold" }] },
        { type: "text", text: " act" },
        { type: "citation", attrs: { linkId: "l1" } },
        { type: "text", text: " now." },
      ],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          attrs: { blockId: "li1" },
          content: [
            { type: "paragraph", attrs: { blockId: "li1.p" }, content: [{ type: "text", text: "First" }] },
            { type: "paragraph", attrs: { blockId: "li1.q" }, content: [{ type: "text", text: "Second" }] },
          ],
        },
      ],
    },
  ],
};

describe("listPassageTextRuns", () => {
  it("joins differently marked text into one run and splits at inline nodes, as the Yjs document does", () => {
    expect(listPassageTextRuns(content, "p1")).toEqual(["States should act", " now."]);
  });

  it("gives a list item's paragraphs as separate runs, and null for a passage that is gone", () => {
    expect(listPassageTextRuns(content, "li1")).toEqual(["First", "Second"]);
    expect(listPassageTextRuns(content, "gone")).toBeNull();
  });
});
