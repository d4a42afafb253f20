/**
 * Puts a comment thread's mark on its quoted text, inside a Y.Doc, the way
 * the editor's Yjs binding stores marks (a text attribute named after the
 * mark, holding its attributes), and finds a quote in a passage: the
 * collaboration server anchors threads with it, amendments find their text.
 */
import * as Y from "yjs";
import { isPassageType } from "@/lib/editor/passages";
import { YDOC_FIELD } from "@/lib/editor/ydoc";

export type Anchor = { threadId: string; blockId: string; quote: { exact: string; prefix: string; suffix: string } };

const EMBED = "\uFFFC";

/** The text nodes of the passage with this id (a list item's live in its paragraphs). */
export function textsOfBlock(doc: Y.Doc, blockId: string): Y.XmlText[] {
  const block = findBlock(doc.getXmlFragment(YDOC_FIELD), blockId);
  if (!block) return [];
  const texts: Y.XmlText[] = [];
  const collect = (node: Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      // A list item nested in this passage is a passage of its own (lib/editor/passages.ts), its words not ours.
      else if (child instanceof Y.XmlElement && !isPassageType(child.nodeName, true)) collect(child);
    }
  };
  collect(block);
  return texts;
}

/** The element with this block id, anywhere below `node` (list items sit inside lists). */
export function findBlock(node: Y.XmlFragment | Y.XmlElement, blockId: string): Y.XmlElement | null {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute("blockId") === blockId) return child;
    const found = findBlock(child, blockId);
    if (found) return found;
  }
  return null;
}

export type Run = { text: string; start: number; attributes: Record<string, unknown> };

export function runsOf(text: Y.XmlText): Run[] {
  let start = 0;
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((op) => {
    const piece = typeof op.insert === "string" ? op.insert : EMBED;
    const run = { text: piece, start, attributes: op.attributes ?? {} };
    start += piece.length;
    return run;
  });
}

/** Where the quote sits in the text: the occurrence whose surroundings match best. */
export function locateQuote(plain: string, quote: Anchor["quote"]): number {
  let best = -1;
  let bestScore = -1;
  for (let at = plain.indexOf(quote.exact); at !== -1; at = plain.indexOf(quote.exact, at + 1)) {
    const score =
      (quote.prefix && plain.slice(0, at).endsWith(quote.prefix) ? 1 : 0) +
      (quote.suffix && plain.slice(at + quote.exact.length).startsWith(quote.suffix) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

/** Where the quote lies: its text node, that node's runs, and the quote's offsets; null when it is no longer in the passage. */
export function findQuote(
  doc: Y.Doc,
  anchor: Omit<Anchor, "threadId">,
): { text: Y.XmlText; runs: Run[]; at: number; end: number } | null {
  for (const text of textsOfBlock(doc, anchor.blockId)) {
    const runs = runsOf(text);
    const at = locateQuote(runs.map((r) => r.text).join(""), anchor.quote);
    if (at !== -1) return { text, runs, at, end: at + anchor.quote.exact.length };
  }
  return null;
}

/** Marks the quote for the thread; false when the quote is no longer in the passage (the thread is then detached). */
export function applyCommentMark(doc: Y.Doc, anchor: Anchor): boolean {
  const found = findQuote(doc, anchor);
  if (!found) return false;
  const { text, runs, at, end } = found;
  doc.transact(() => {
    // Run by run, so threads already on part of the range keep their ids.
    for (const run of runs) {
      const from = Math.max(at, run.start);
      const to = Math.min(end, run.start + run.text.length);
      if (from >= to) continue;
      const existing = String((run.attributes.comment as { threadIds?: string } | undefined)?.threadIds ?? "")
        .split(" ")
        .filter(Boolean);
      const threadIds = [...new Set([...existing, anchor.threadId])].join(" ");
      text.format(from, to - from, { comment: { threadIds } });
    }
  });
  return true;
}
