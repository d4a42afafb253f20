/**
 * The export document as Markdown with `[^n]` footnotes (GitHub, Pandoc and
 * most editors render them), followed by every provenance link as a table ("Sources").
 *
 * A numbered paragraph starts with the reader's marker, escaped (`4\.`) so
 * no Markdown renderer takes it for a list it would number again. Markdown
 * has no indent but a list's or a code block's, so sub-paragraphs stand at
 * the margin, told apart by their markers "(a)", "(i)".
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

export function renderMarkdown({ document }: { document: TExportDocument }): string {
  const sponsors = describeSponsors(document);
  const lines: string[] = [
    ...(document.layout === "resolution" ? [escapeInline(documentSymbol(document)), ""] : []),
    `# ${escapeInline(document.title)}`,
    "",
    ...(sponsors ? [escapeInline(sponsors), ""] : []),
    `${escapeInline(describeVersion(document))} · ${formatDay(document.date)}`,
    "",
    ...(describeSilence(document) ? [`**${escapeInline(describeSilence(document)!)}**`, ""] : []),
    `Drawn from: ${escapeInline(document.dialogueTitle)}`,
    "",
  ];
  let isInList = false;
  for (const block of document.sections.flatMap((section) => section.blocks)) {
    // A list ends with a blank line before whatever follows it.
    if (isInList && block.kind !== "listItem") lines.push("");
    isInList = block.kind === "listItem";
    lines.push(...renderBlock(block));
  }
  if (isInList) lines.push("");
  lines.push(`## ${SOURCES_TITLE}`, "");
  if (document.annex.length === 0) lines.push("No provenance links.", "");
  else {
    lines.push(
      "| Section | Passage | Source | Address | Relation | Status | Footnotes |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const row of document.annex) {
      const source = [row.label, row.role, row.segment].filter(Boolean).join(", ");
      lines.push(
        `| ${[row.sectionTitle, row.passage, source, row.address ? `#${row.address}` : "", row.relation, row.status, row.footnotes.join(", ")].map(escapeInline).join(" | ")} |`,
      );
    }
    lines.push("");
  }
  for (const note of document.footnotes) lines.push(`[^${note.n}]: ${escapeInline(formatFootnoteText(note))}`);
  return lines.join("\n").replace(/\n+$/, "") + "\n";
}

function renderBlock(block: TBlock): string[] {
  const text = renderRuns(block.runs);
  if (block.kind === "heading") return [`${"#".repeat(Math.min(6, block.level + 1))} ${text}`, ""];
  if (block.kind === "listItem") {
    // Consecutive items of one list stay together; the blank line comes from the next non-list block.
    return [`${"  ".repeat(block.depth)}${block.isOrdered ? (block.marker ?? "1.") : "-"} ${text}`];
  }
  if (block.role === "resolution-title") return [`**${text}**`, ""];
  const numbered = block.number?.marker ? `${escapeInline(block.number.marker)} ${text}` : text;
  return [block.isQuote ? `> ${numbered}` : numbered, ""];
}

function renderRuns(runs: TRun[]): string {
  return runs
    .map((run) => {
      if (run.kind === "footnote") return `[^${run.n}]`;
      if (run.kind === "break") return "  \n";
      // Emphasis must hug its words ("*Recalling* its"), so the run's outer spaces stay outside the markers.
      const [, lead, words, trail] = /^(\s*)(.*?)(\s*)$/su.exec(escapeInline(run.text))!;
      if (!words) return lead + trail;
      let text = words;
      if (run.bold) text = `**${text}**`;
      if (run.italic) text = `*${text}*`;
      if (run.strike) text = `~~${text}~~`;
      return lead + text + trail;
    })
    .join("");
}

/**
 * Escapes what would otherwise be markup, so a delegate's "*" or "[" stays
 * literal: emphasis, links and footnote brackets anywhere; "#" and ">" only
 * where they would start a heading or a quote; "|" always, as a table cell
 * would split on it.
 */
function escapeInline(text: string): string {
  return (
    text
      .replace(/([\\`*_[\]<|~])/g, "\\$1")
      .replace(/^(\s*)([#>+-])(?=\s|$)/, "$1\\$2")
      // "4." is escaped at its dot: a backslash before a digit is printed, not an escape.
      .replace(/^(\s*)(\d+)\.(?=\s|$)/, "$1$2\\.")
      .replace(/\n/g, " ")
  );
}
