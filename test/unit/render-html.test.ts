/** The print HTML behind the PDF: nested and consecutive lists close in order, and a passage's text never becomes markup. */
import { describe, expect, it } from "vitest";
import type { TBlock, TExportDocument } from "@/lib/export/export-document";
import { renderHtml } from "@/lib/export/render-html";

const item = (text: string, depth: number, list: number, isOrdered = false): TBlock => ({
  kind: "listItem",
  isOrdered,
  depth,
  list,
  runs: [{ kind: "text", text }],
});

function documentWith(blocks: TBlock[]): TExportDocument {
  return {
    planId: "p",
    title: "Plan <b>",
    dialogueTitle: "Dialogue",
    versionLabel: null,
    date: new Date("2026-11-30T00:00:00Z"),
    sections: [{ key: "s", title: "S", blocks }],
    footnotes: [],
    annex: [],
  };
}

const bodyOf = (html: string) =>
  html.slice(html.indexOf("<main>") + 6, html.indexOf("</main>")).replace(/<\/?section[^>]*>|\n/g, "");

describe("renderHtml", () => {
  it("nests lists and closes them in order", () => {
    const html = bodyOf(
      renderHtml({
        document: documentWith([
          item("a", 0, 1),
          item("a1", 1, 2),
          item("b", 0, 1),
          item("c", 0, 3, true),
          { kind: "paragraph", runs: [{ kind: "text", text: "after" }] },
        ]),
      }),
    );
    expect(html).toBe("<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul><ol><li>c</li></ol><p>after</p>");
  });

  it("starts a new list after an item with a nested list, when the next item is another list's", () => {
    const html = bodyOf(
      renderHtml({ document: documentWith([item("a", 0, 1, true), item("a1", 1, 2, true), item("b", 0, 3)]) }),
    );
    expect(html).toBe("<ol><li>a<ol><li>a1</li></ol></li></ol><ul><li>b</li></ul>");
  });

  it("escapes the plan's text, title included", () => {
    const html = renderHtml({
      document: documentWith([
        { kind: "paragraph", runs: [{ kind: "text", text: '<script>alert(1)</script> & "x"' }] },
      ]),
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
    expect(html).toContain("<title>Plan &lt;b&gt;</title>");
  });

  it("links each footnote reference to its note", () => {
    const html = renderHtml({
      document: {
        ...documentWith([
          {
            kind: "paragraph",
            runs: [
              { kind: "text", text: "x" },
              { kind: "footnote", n: 1 },
            ],
          },
        ]),
        footnotes: [
          {
            n: 1,
            linkId: "l",
            label: "Gupta",
            role: null,
            segment: "Panel 2",
            address: "panel-2.gupta.s4",
            quote: "q",
            relation: "quotes",
            status: "confirmed",
            isInline: true,
          },
        ],
      },
    });
    expect(html).toContain('x<sup class="fn"><a href="#fn-1">1</a></sup>');
    expect(html).toContain('<li id="fn-1" value="1">Gupta, Panel 2 (#panel-2.gupta.s4): “q”</li>');
  });
});
