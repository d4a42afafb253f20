/** The Markdown renderer on a hand-made export document: [^n] footnotes, lists, the annex, and escaping. */
import { describe, expect, it } from "vitest";
import type { TExportDocument } from "@/lib/export/export-document";
import { renderMarkdown } from "@/lib/export/render-markdown";

const source = {
  label: "Ruchira Gupta",
  role: "Founder, Apne Aap",
  segment: "Panel 2",
  address: "panel-2.gupta.s4",
  quote: "Demand must be tackled.",
};

const document: TExportDocument = {
  planId: "p1",
  title: "Global Plan of Action",
  dialogueTitle: "Interactive dialogue of 13 May 2009",
  versionLabel: "Rev.1",
  date: new Date("2026-11-30T10:00:00Z"),
  sections: [
    {
      key: "principles",
      title: "Guiding principles",
      blocks: [
        { kind: "heading", level: 1, runs: [{ kind: "text", text: "Guiding principles" }] },
        {
          kind: "paragraph",
          runs: [
            { kind: "text", text: "Tackle " },
            { kind: "text", text: "demand", bold: true },
            { kind: "footnote", n: 1 },
            { kind: "text", text: "." },
          ],
        },
        {
          kind: "listItem",
          isOrdered: false,
          depth: 0,
          list: 1,
          runs: [
            { kind: "text", text: "First" },
            { kind: "footnote", n: 2 },
          ],
        },
        { kind: "listItem", isOrdered: false, depth: 1, list: 2, runs: [{ kind: "text", text: "Nested" }] },
        {
          kind: "paragraph",
          runs: [{ kind: "text", text: "# not a heading, *not emphasis*, [^9] not a note | a pipe" }],
        },
      ],
    },
  ],
  footnotes: [
    { ...source, n: 1, linkId: "l1", relation: "quotes", status: "confirmed", isInline: true },
    {
      label: "What the plan should do 3",
      role: null,
      segment: "Summary of the dialogue",
      address: "should-3",
      quote: "Map the resources.",
      n: 2,
      linkId: "l2",
      relation: "derived_from",
      status: "suspect",
      isInline: false,
    },
  ],
  annex: [
    {
      ...source,
      linkId: "l1",
      sectionTitle: "Guiding principles",
      blockId: "principles.b1",
      passage: "Tackle demand.",
      relation: "quotes",
      status: "confirmed",
      footnotes: [1],
    },
  ],
};

describe("renderMarkdown", () => {
  const markdown = renderMarkdown({ document });

  it("starts with the title, version and date", () => {
    expect(markdown.split("\n").slice(0, 3)).toEqual(["# Global Plan of Action", "", "Rev.1 · 30 November 2026"]);
  });

  it("puts [^n] references in the text and one definition per footnote, with speaker, role, segment and the quote", () => {
    expect(markdown).toContain("Tackle **demand**[^1].");
    expect(markdown).toContain(
      "[^1]: Ruchira Gupta, Founder, Apne Aap, Panel 2 (#panel-2.gupta.s4): “Demand must be tackled.”",
    );
    expect(markdown).toContain(
      "[^2]: What the plan should do 3, Summary of the dialogue (#should-3): “Map the resources.” \\[suspect\\]",
    );
    expect(markdown.match(/^\[\^\d+\]: /gm)).toHaveLength(2);
  });

  it("renders sections as headings and nested lists, and ends a list with a blank line", () => {
    expect(markdown).toContain("## Guiding principles\n");
    expect(markdown).toContain("- First[^2]\n  - Nested\n\n\\# not a heading");
  });

  it("escapes what a passage typed so it cannot become markup or a footnote", () => {
    expect(markdown).toContain("\\# not a heading, \\*not emphasis\\*, \\[^9\\] not a note \\| a pipe");
    expect(markdown).not.toMatch(/^\[\^9\]/m);
  });

  it("lists every link in the annex table", () => {
    expect(markdown).toContain("| Section | Passage | Source | Address | Relation | Status | Footnotes |");
    expect(markdown).toContain(
      "| Guiding principles | Tackle demand. | Ruchira Gupta, Founder, Apne Aap, Panel 2 | #panel-2.gupta.s4 | quotes | confirmed | 1 |",
    );
  });
});
