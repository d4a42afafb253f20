/**
 * What the export model and its renderers make of paragraph numbers and
 * layouts: endings and opening phrases in the runs, Word lists that restart
 * per list, the General Assembly's layout for a resolution, the "Sources"
 * table, and which sections count as empty.
 */
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { readPassages } from "@/lib/editor/passages";
import { buildSections } from "@/lib/export/build-export-sections";
import type { TExportDocument, TExportLayout } from "@/lib/export/export-document";
import { isSectionEmpty } from "@/lib/export/is-section-empty";
import { renderDocx } from "@/lib/export/render-docx";
import { renderHtml } from "@/lib/export/render-html";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { readDocxNumbers } from "@/test/support/numbered-plans";
import { readZipEntry } from "@/test/support/read-zip-entry";

const text = (value: string): JSONContent => ({ type: "text", text: value });
const paragraph = (blockId: string, kind: string, ...content: JSONContent[]): JSONContent => ({
  type: "paragraph",
  attrs: { blockId, kind, level: 1 },
  content,
});
const orderedList = (...ids: string[]): JSONContent => ({
  type: "orderedList",
  attrs: { start: 1 },
  content: ids.map((id) => ({
    type: "listItem",
    attrs: { blockId: id },
    content: [{ type: "paragraph", attrs: { blockId: `${id}.p` }, content: [text(`${id}x`)] }],
  })),
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

function exportOf(
  sections: { key: string; title: string; part?: "main" | "annex"; content: JSONContent }[],
  layout: TExportLayout = "plan",
): TExportDocument {
  const built = buildSections({
    sections: sections.map((section) => ({ id: section.key, ...section })),
    links: [],
    sources: new Map(),
    layout,
  });
  return {
    planId: "p",
    title: "Draft resolution: Trafficking in persons",
    dialogueTitle: "Dialogue",
    versionLabel: null,
    date: new Date("2026-11-30T00:00:00Z"),
    layout,
    ...built,
    annex: [],
  };
}

describe("numbered paragraphs in the export model", () => {
  it("end with the reader's ending before their footnotes, and open in italics", () => {
    const document = exportOf([
      {
        key: "operative",
        title: "Operative part",
        content: doc(
          paragraph(
            "op1",
            "operative",
            text("Calls upon States to act"),
            { type: "citation", attrs: { linkId: "l" } },
            text("."),
          ),
          paragraph("op2", "operative", text("Decides to remain seized of the matter;")),
        ),
      },
    ]);
    const [, first, second] = document.sections[0].blocks;
    expect(first.runs).toEqual([
      { kind: "text", text: "Calls upon", italic: true },
      { kind: "text", text: " States to act" },
      { kind: "text", text: ";" },
      { kind: "footnote", n: 1 },
    ]);
    expect(second.kind === "paragraph" && second.number).toMatchObject({ marker: "2.", reference: "OP 2", depth: 0 });
    expect(renderMarkdown({ document })).toContain(
      "1\\. *Calls upon* States to act;[^1]\n\n2\\. *Decides* to remain seized of the matter.",
    );
  });
});

describe("DOCX lists", () => {
  it("start every ordered list at 1, also the first list of the next section", async () => {
    const document = exportOf([
      { key: "a", title: "A", content: doc(orderedList("zq1", "zq2")) },
      { key: "b", title: "B", content: doc(orderedList("zq3", "zq4")) },
    ]);
    const markers = readDocxNumbers(await renderDocx({ document })).map(({ marker }) => marker);
    expect(markers).toEqual(["1.", "2.", "1.", "2."]);
  });
});

describe("the resolution layout", () => {
  const resolution = exportOf(
    [
      { key: "title", title: "Title", content: doc(paragraph("t", "plain", text("Trafficking in persons"))) },
      {
        key: "preamble",
        title: "Preamble",
        content: doc(paragraph("pp1", "preambular", text("Recalling its resolution 64/293."))),
      },
      {
        key: "operative",
        title: "Operative part",
        content: doc(paragraph("op1", "operative", text("Adopts the Plan"))),
      },
      {
        key: "annex-principles",
        title: "Annex — Guiding principles",
        part: "annex",
        content: doc(paragraph("an1", "operative", text("Promote research"))),
      },
    ],
    "resolution",
  );

  it("prints the symbol, the chapeau, the paragraphs' numbers, the annex and the sources, in Markdown", () => {
    const markdown = renderMarkdown({ document: resolution });
    const order = [
      "A/…/L.…",
      "# Draft resolution",
      "**Trafficking in persons**",
      "The General Assembly,",
      "*Recalling* its resolution 64/293,",
      "1\\. *Adopts* the Plan.",
      "## Annex",
      "### Annex — Guiding principles",
      "1\\. *Promote* research.",
      "## Sources",
    ];
    const at = order.map((words) => markdown.indexOf(words));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A resolution's own text has no "Preamble" or "Operative part" headings.
    expect(markdown).not.toContain("Preamble");
    expect(markdown).not.toContain("Annex: provenance links");
  });

  it("prints them in the HTML the PDF is printed from", () => {
    const html = renderHtml({ document: resolution });
    for (const words of ['<p class="symbol">A/…/L.…</p>', "The General Assembly,", ">Annex</h2>", "<h2>Sources</h2>"])
      expect(html).toContain(words);
    expect(html).toContain('data-reference="OP 1"><span class="marker">1.</span> <em>Adopts</em> the Plan.</p>');
    expect(html).not.toContain(`class="title-page"`);
  });

  it("prints them in Word, the operative paragraphs in Word's own numbering", async () => {
    const docx = await renderDocx({ document: resolution });
    const words = readZipEntry(docx, "word/document.xml").replace(/<[^>]+>/g, "");
    for (const expected of ["A/…/L.…", "The General Assembly,", "Annex", "Sources"]) expect(words).toContain(expected);
    expect(words).not.toContain("Annex: provenance links");
    const numbering = readZipEntry(docx, "word/numbering.xml");
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>');
    expect(readDocxNumbers(docx, /Recalling|Adopts|Promote/)).toEqual([
      { blockId: "Recalling", marker: null, ending: "," },
      { blockId: "Adopts", marker: "1.", ending: "." },
      { blockId: "Promote", marker: "1.", ending: "." },
    ]);
  });

  it("keeps the plan layout's title page, and calls the provenance table Sources there too", () => {
    const plan = exportOf([{ key: "a", title: "A", content: doc(paragraph("p", "plain", text("Words"))) }]);
    const markdown = renderMarkdown({ document: plan });
    expect(markdown).toContain("## A");
    expect(markdown).toContain("## Sources");
    expect(markdown).not.toContain("The General Assembly,");
    expect(renderHtml({ document: plan })).toContain('class="title-page"');
  });
});

describe("isSectionEmpty", () => {
  const guidance = "State the principles the plan rests on.";
  const empty = (content: JSONContent, known: string | null = guidance) =>
    isSectionEmpty({ key: "principles", guidance: known, passages: readPassages(content) });

  it("is empty with only its seeded guidance, blank paragraphs and citations", () => {
    expect(empty(doc())).toBe(true);
    expect(
      empty(
        doc(
          paragraph("principles.guidance", "plain", text(guidance)),
          paragraph("x", "operative", { type: "citation", attrs: { linkId: "l" } }),
          paragraph("y", "plain", text(" … ")),
        ),
      ),
    ).toBe(true);
    expect(empty(doc(paragraph("principles.guidance", "plain", text(guidance))), null)).toBe(true);
  });

  it("is not empty once a passage has words, or the guidance paragraph was rewritten", () => {
    expect(empty(doc(paragraph("principles.guidance", "plain", text(guidance)), orderedList("a")))).toBe(false);
    expect(empty(doc(paragraph("principles.guidance", "plain", text("Our own principles."))))).toBe(false);
    expect(empty(doc(paragraph("other", "plain", text(guidance))))).toBe(false);
  });
});
