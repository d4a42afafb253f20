/** How an amendment's change reads: context cut at whole words, and a gap between struck and inserted words. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WordDiffView } from "@/components/diff/word-diff-view";
import { diffAmendment } from "@/lib/amendments/list-amendments";

const passage =
  "States should improve the identification and protection of victims of trafficking in persons, in particular women and children.";
const quoteExact = "protection";
const at = passage.indexOf(quoteExact);
/** The change with its surroundings as the client stores them: `before` and `after` characters either side. */
const changeWith = (before: number, after: number) => ({
  kind: "replace" as const,
  quoteExact,
  quotePrefix: passage.slice(at - before, at),
  quoteSuffix: passage.slice(at + quoteExact.length, at + quoteExact.length + after),
  newText: "assistance",
});

const shown = (segments: { type: string; text: string }[], leaveOut: string) =>
  segments
    .filter((segment) => segment.type !== leaveOut)
    .map((segment) => segment.text)
    .join("");

describe("diffAmendment", () => {
  it("cuts the context at whole words, with an ellipsis where the passage goes on", () => {
    const change = changeWith(29, 23);
    expect([change.quotePrefix, change.quoteSuffix]).toEqual([
      "prove the identification and ",
      " of victims of traffick",
    ]);
    expect(shown(diffAmendment(change, passage), "insert")).toBe("…the identification and protection of victims of…");
  });

  it("does the same from the selectors alone when the passage has changed since", () => {
    const change = changeWith(32, 32);
    expect([change.quotePrefix, change.quoteSuffix]).toEqual([
      " improve the identification and ",
      " of victims of trafficking in pe",
    ]);
    expect(shown(diffAmendment(change, "Another text now."), "insert")).toBe(
      "…improve the identification and protection of victims of trafficking in…",
    );
  });

  it("keeps the context whole where the passage begins or ends", () => {
    const start = {
      ...changeWith(0, 0),
      quoteExact: "States",
      quoteSuffix: " should improve the",
      newText: "All States",
    };
    expect(shown(diffAmendment(start, passage), "delete")).toBe("All States should improve the…");
    const end = {
      ...changeWith(0, 0),
      quoteExact: "children",
      quotePrefix: "women and ",
      quoteSuffix: ".",
      newText: "girls",
    };
    expect(shown(diffAmendment(end, passage), "insert")).toBe("…women and children.");
  });
});

describe("WordDiffView", () => {
  it("leaves a visible gap between struck and inserted words", () => {
    const html = renderToStaticMarkup(
      createElement(WordDiffView, {
        segments: [
          { type: "delete", text: "Improve" },
          { type: "insert", text: "Strengthen" },
          { type: "equal", text: " cooperation" },
        ],
      }),
    );
    expect(html).toMatch(/<\/del><ins class="[^"]*\bml-1\b/);
  });
});
