import { describe, expect, it } from "vitest";
import { diffWords, tokenizeWords } from "@/lib/diff/word-diff";
import type { DiffSegment } from "@/lib/diff/word-diff";

const side = (segments: DiffSegment[], kind: "before" | "after") =>
  segments
    .filter((s) => s.type === "equal" || s.type === (kind === "before" ? "delete" : "insert"))
    .map((s) => s.text)
    .join("");

describe("diffWords", () => {
  it("marks a replaced phrase inside a sentence, word by word", () => {
    const segments = diffWords("States should adopt a plan by 2010.", "States should adopt a binding plan by 2012.");
    expect(segments).toEqual([
      { type: "equal", text: "States should adopt a " },
      { type: "insert", text: "binding " },
      { type: "equal", text: "plan by " },
      { type: "delete", text: "2010" },
      { type: "insert", text: "2012" },
      { type: "equal", text: "." },
    ]);
  });

  it("reports identical texts as one equal segment, and empty sides as pure insertions or deletions", () => {
    expect(diffWords("same text", "same text")).toEqual([{ type: "equal", text: "same text" }]);
    expect(diffWords("", "new words")).toEqual([{ type: "insert", text: "new words" }]);
    expect(diffWords("old words", "")).toEqual([{ type: "delete", text: "old words" }]);
  });

  it("joins adjacent changes instead of leaving lone spaces between them", () => {
    const segments = diffWords("one two three", "uno dos tres");
    expect(segments).toEqual([
      { type: "delete", text: "one two three" },
      { type: "insert", text: "uno dos tres" },
    ]);
  });

  it("always rebuilds both texts exactly, for random edits", () => {
    const words = ["the", "plan", "victims", "should", "protect", ",", "trafficking", "States", "."];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const make = () =>
        Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(" ");
      const [before, after] = [make(), make()];
      const segments = diffWords(before, after);
      expect(side(segments, "before")).toBe(before);
      expect(side(segments, "after")).toBe(after);
    }
  });

  it("keeps hyphenated words and apostrophes whole", () => {
    expect(tokenizeWords("cross-border victims' rights don't")).toEqual([
      "cross-border",
      " ",
      "victims",
      "'",
      " ",
      "rights",
      " ",
      "don't",
    ]);
  });
});
