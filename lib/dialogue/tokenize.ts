/**
 * Turns the Markdown-like text of a dialogue summary (converted from PDF or
 * Word) into blocks: headings, numbered or bulleted items, and paragraphs.
 * Page furniture — page numbers and form feeds — is dropped here, so a
 * paragraph split by a page break arrives as two paragraphs and the parser
 * decides whether the second continues the first.
 */
import { stripMarkdown } from "./text";

/** Where a body block sits: indented under the block before, or just after a page number. */
type Placement = { isIndented: boolean; isAfterPageBreak: boolean };

export type Block =
  | { type: "heading"; text: string; line: number }
  | ({ type: "item"; marker: "number" | "bullet"; n: number | null; text: string; line: number } & Placement)
  | ({ type: "paragraph"; text: string; lines: string[]; line: number } & Placement);

const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
// "1." or "1)", and "1\." as Word-to-Markdown converters escape it.
const NUMBERED_ITEM = /^\s{0,3}(\d{1,4})\\?[.)]\s+(.*)$/;
// A setext underline: the line above is a heading.
const SETEXT_UNDERLINE = /^\s{0,3}(?:={3,}|-{3,})\s*$/;
// "(a) ...", "b) ...", "c. ...": lettered items count as numbered, a = 1.
const LETTERED_ITEM = /^\s{0,3}\(?([a-z])[.)]\s+(.*)$/;
const BULLET_ITEM = /^\s{0,3}[-*•]\s+(.*)$/;
// "2", "- 3 -", "Page 4", "Page 4 of 9", "4/9": lines a PDF leaves at a page break.
const PAGE_MARKER = /^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*(?:(?:of|\/)\s*\d{1,4})?\s*[-–—]?\s*$/i;
// A short line that alone names a section, as converters sometimes drop the "#".
const BARE_SECTION_HEADING =
  /^(?:opening (?:session|segment|remarks)|closing (?:session|segment|remarks)|panel\s+(?:[ivxlc]+|\d+)\b.*|summary of the [^.]*|annex\b.*)$/i;

export function tokenize(text: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null; // the block that a following non-blank line extends
  let isAfterPageBreak = false;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.includes("\f") || PAGE_MARKER.test(raw)) isAfterPageBreak = true;
    const content = raw.replace(/\f/g, "");
    if (content.trim() === "" || PAGE_MARKER.test(content)) {
      open = null;
      return;
    }
    const placement = { isIndented: /^(\s{2,}|\t)/.test(content), isAfterPageBreak };
    isAfterPageBreak = false;
    if (SETEXT_UNDERLINE.test(content) && open?.type === "paragraph" && open.lines.length === 1) {
      blocks[blocks.length - 1] = { type: "heading", text: open.text, line: open.line };
      open = null;
      return;
    }
    const heading = HEADING.exec(content);
    if (heading) {
      blocks.push({ type: "heading", text: heading[1], line });
      open = null;
      return;
    }
    const numbered = NUMBERED_ITEM.exec(content) ?? readLetteredItem(content);
    const bullet = numbered ? null : BULLET_ITEM.exec(content);
    if (numbered || bullet) {
      const block: Block = numbered
        ? { type: "item", marker: "number", n: Number(numbered[1]), text: numbered[2], line, ...placement }
        : { type: "item", marker: "bullet", n: null, text: bullet![1], line, ...placement };
      blocks.push(block);
      open = block;
      return;
    }
    if (open && open.type !== "heading") {
      open.text += " " + content.trim();
      if (open.type === "paragraph") open.lines.push(content.trim());
      return;
    }
    const paragraph: Block = { type: "paragraph", text: content.trim(), lines: [content.trim()], line, ...placement };
    blocks.push(paragraph);
    open = paragraph;
  });
  return blocks.map(promoteBareHeading);
}

function readLetteredItem(content: string): RegExpExecArray | null {
  const lettered = LETTERED_ITEM.exec(content);
  if (lettered) lettered[1] = String(lettered[1].charCodeAt(0) - 96);
  return lettered;
}

/** A one-line paragraph that is all bold, or that names a section outright, is a heading. */
function promoteBareHeading(block: Block): Block {
  if (block.type !== "paragraph" || block.lines.length !== 1) return block;
  const bare = stripMarkdown(block.text).replace(/:$/, "").trim();
  const isAllBold = /^(\*\*[^*]+\*\*|__[^_]+__):?$/.test(block.text.trim());
  if (bare.length > 160 || /[.!?]$/.test(bare)) return block;
  if (isAllBold || BARE_SECTION_HEADING.test(bare)) return { type: "heading", text: block.text, line: block.line };
  return block;
}
