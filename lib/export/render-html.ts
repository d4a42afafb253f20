/**
 * The export document as one self-contained HTML page with a print
 * stylesheet (A4, title page, running footnote numbers, the annex in
 * landscape-friendly small type), which render-pdf.ts prints with Chromium.
 * Everything from the plan is escaped: a passage is text, never markup.
 * Each passage's element carries its block id (`data-block-id`) and a numbered
 * paragraph its reference (`data-reference`, "OP 4 (a)"), so a tool reading
 * the HTML finds a passage without matching its words.
 */
import type { TBlock, TExportDocument, TRun } from "./export-document";
import { formatDay } from "@/lib/dates/format-date";
import {
  describeSilence,
  describeSponsors,
  describeVersion,
  documentSymbol,
  formatFootnoteText,
  SOURCES_TITLE,
} from "./export-document";

const PRINT_CSS = `
@page { size: A4; margin: 25mm 22mm 22mm 22mm; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11.5pt; line-height: 1.45; color: #000; }
body { margin: 0; }
.title-page { height: 230mm; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; }
.title-page h1 { font-size: 24pt; margin: 0 0 12mm; }
.title-page .version { font-size: 14pt; font-weight: bold; }
.title-page .source { margin-top: 16mm; font-style: italic; }
h2 { font-size: 15pt; margin: 10mm 0 3mm; break-after: avoid; }
h3, h4, h5, h6, h7 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
blockquote { margin: 0 0 0 10mm; }
sup.fn { font-size: 7.5pt; line-height: 0; }
sup.fn a { color: inherit; text-decoration: none; }
.footnotes { border-top: 0.5pt solid #000; margin-top: 10mm; padding-top: 3mm; font-size: 9pt; }
.footnotes ol { padding-left: 7mm; }
.resolution-head { margin-bottom: 10mm; }
.resolution-head .symbol { text-align: right; font-weight: bold; font-size: 13pt; margin: 0; }
.resolution-head .version { text-align: right; font-size: 9pt; margin: 0 0 8mm; }
.resolution-head h1 { font-size: 16pt; margin: 0; }
.resolution-title { font-weight: bold; text-align: center; }
h2.annex-heading { text-align: center; break-before: page; }
.preambular { text-indent: 10mm; }
.numbered { padding-left: calc(var(--depth) * 10mm + 10mm); text-indent: -10mm; }
.numbered .marker { display: inline-block; width: 10mm; text-indent: 0; }
.sources { break-before: page; }
.sources table { width: 100%; border-collapse: collapse; font-size: 8pt; line-height: 1.25; }
.sources th, .sources td { border: 0.5pt solid #555; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
.sources thead { display: table-header-group; }
.sources tr { break-inside: avoid; }
`;

export function renderHtml({ document }: { document: TExportDocument }): string {
  const body: string[] = [...renderHead(document), "<main>"];
  for (const section of document.sections)
    body.push(`<section id="${escape(section.key)}">${renderBlocks(section.blocks)}</section>`);
  body.push("</main>");
  if (document.footnotes.length) {
    // "Notes": the sources' own title is the table's below.
    body.push('<section class="footnotes"><h2>Notes</h2><ol>');
    for (const note of document.footnotes)
      body.push(`<li id="fn-${note.n}" value="${note.n}">${escape(formatFootnoteText(note))}</li>`);
    body.push("</ol></section>");
  }
  body.push(`<section class="sources"><h2>${SOURCES_TITLE}</h2>`);
  if (document.annex.length === 0) body.push("<p>No provenance links.</p>");
  else {
    body.push(
      "<table><thead><tr><th>Section</th><th>Passage</th><th>Source</th><th>Quoted</th><th>Relation</th><th>Status</th><th>Notes</th></tr></thead><tbody>",
    );
    for (const row of document.annex) {
      const source = [row.label, row.role, row.segment, row.address ? `#${row.address}` : ""]
        .filter(Boolean)
        .join(", ");
      body.push(
        `<tr>${[row.sectionTitle, row.passage, source, row.quote, row.relation.replace(/_/g, " "), row.status, row.footnotes.join(", ")].map((cell) => `<td>${escape(cell)}</td>`).join("")}</tr>`,
      );
    }
    body.push("</tbody></table>");
  }
  body.push("</section>");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.title)}</title><style>${PRINT_CSS}</style></head><body>${body.join("\n")}</body></html>`;
}

/** A plan opens with a title page; a resolution with its symbol and title, as the General Assembly's documents do. */
function renderHead(document: TExportDocument): string[] {
  const version = `${escape(describeVersion(document))}`;
  const date = escape(formatDay(document.date));
  const sponsors = describeSponsors(document);
  const sponsorLine = sponsors ? `<p class="sponsors">${escape(sponsors)}</p>` : "";
  const silenceLine = describeSilence(document);
  const silence = silenceLine ? `<p class="silence"><strong>${escape(silenceLine)}</strong></p>` : "";
  if (document.layout === "resolution")
    return [
      `<header class="resolution-head"><p class="symbol">${escape(documentSymbol(document))}</p>`,
      `<p class="version">${version}, ${date}</p>${silence}<h1>${escape(document.title)}</h1>${sponsorLine}</header>`,
    ];
  return [
    `<section class="title-page"><h1>${escape(document.title)}</h1>${sponsorLine}`,
    `<p class="version">${version}</p><p class="date">${date}</p>${silence}`,
    `<p class="source">Drawn from: ${escape(document.dialogueTitle)}</p></section>`,
  ];
}

/** A paragraph or heading: its passage's id, and a numbered paragraph's marker, kind and reference. */
function renderTextBlock(block: Exclude<TBlock, { kind: "listItem" }>): string {
  const runs = renderRuns(block.runs);
  const id = block.blockId ? ` data-block-id="${escape(block.blockId)}"` : "";
  if (block.kind === "heading") {
    const tag = `h${Math.min(6, block.level + 1)}`;
    return `<${tag}${id}${block.role ? ` class="${block.role}"` : ""}>${runs}</${tag}>`;
  }
  const number = block.number;
  if (number) {
    const classes = number.marker ? `${number.kind} numbered` : number.kind;
    const marker = number.marker ? `<span class="marker">${escape(number.marker)}</span> ` : "";
    const attributes = `${id} class="${classes}" style="--depth: ${number.depth}" data-reference="${escape(number.reference)}"`;
    const paragraph = `<p${attributes}>${marker}${runs}</p>`;
    return block.isQuote ? `<blockquote>${paragraph}</blockquote>` : paragraph;
  }
  const paragraph = `<p${id}${block.role ? ` class="${block.role}"` : ""}>${runs}</p>`;
  return block.isQuote ? `<blockquote>${paragraph}</blockquote>` : paragraph;
}

function renderBlocks(blocks: TBlock[]): string {
  const html: string[] = [];
  // Open lists as a stack of [tag, depth, list number], so nested and consecutive lists close in the right order.
  const open: { tag: string; depth: number; list: number }[] = [];
  const closeTo = (depth: number) => {
    while (open.length && open[open.length - 1].depth >= depth) html.push(`</li></${open.pop()!.tag}>`);
  };
  for (const block of blocks) {
    if (block.kind !== "listItem") {
      closeTo(0);
      html.push(renderTextBlock(block));
      continue;
    }
    const tag = block.isOrdered ? "ol" : "ul";
    // Deeper lists close first; then a list at this depth that is not this item's (the next list) closes too.
    if ((open[open.length - 1]?.depth ?? -1) > block.depth) closeTo(block.depth + 1);
    const top = open[open.length - 1];
    if (top && top.depth === block.depth && (top.list !== block.list || top.tag !== tag)) closeTo(block.depth);
    const current = open[open.length - 1];
    const item = `<li${block.blockId ? ` data-block-id="${escape(block.blockId)}"` : ""}>${renderRuns(block.runs)}`;
    if (current && current.depth === block.depth) html.push(`</li>${item}`);
    else {
      open.push({ tag, depth: block.depth, list: block.list });
      // An ordered list starts where the reader says it does ("3."), as Word and Markdown do.
      const start =
        block.isOrdered && block.marker && block.marker !== "1." ? ` start="${parseInt(block.marker)}"` : "";
      html.push(`<${tag}${start}>${item}`);
    }
  }
  closeTo(0);
  return html.join("");
}

function renderRuns(runs: TRun[]): string {
  return runs
    .map((run) => {
      if (run.kind === "footnote") return `<sup class="fn"><a href="#fn-${run.n}">${run.n}</a></sup>`;
      if (run.kind === "break") return "<br>";
      let text = escape(run.text);
      if (run.bold) text = `<strong>${text}</strong>`;
      if (run.italic) text = `<em>${text}</em>`;
      if (run.underline) text = `<u>${text}</u>`;
      if (run.strike) text = `<s>${text}</s>`;
      return text;
    })
    .join("");
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
