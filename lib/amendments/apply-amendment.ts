/**
 * An amendment's change to the text, made inside a Y.Doc so that it merges
 * with whatever editors type meanwhile (Docmost's rule: server-side edits go
 * through Yjs, never straight into the stored JSON).
 */
import type * as Y from "yjs";
import { newBlockId } from "@/lib/editor/block-ids";
import { locateQuote, runsOf, textsOfBlock } from "@/lib/editor/passage-anchor";
import type { Run } from "@/lib/editor/passage-anchor";
import { readParagraphKind, readSubparagraphLevel } from "@/lib/editor/paragraph-kinds";
import { deleteParagraph, insertParagraphAfter, moveParagraphAfter } from "@/lib/editor/paragraph-operations";
import { contentFromYdoc } from "@/lib/editor/ydoc";
import { isParagraphAmendment, isParagraphChangeCurrent } from "./paragraph-change";
import type { ParagraphChange } from "./paragraph-change";

export type AmendmentChange = {
  kind: "replace" | "insert_after" | "delete";
  blockId: string;
  quote: { exact: string; prefix: string; suffix: string };
  newText: string;
};

/** A paragraph amendment's row, as accepting it needs. */
export type ParagraphAmendmentChange = ParagraphChange & {
  newText: string;
  paragraphKind: string | null;
  paragraphLevel: number | null;
};

/**
 * Applies the change. Returns the blockId of the passage that now carries the
 * amendment's words (a new paragraph's fresh id; otherwise the target's), or
 * false when it no longer fits the text (the amendment is stale).
 */
export function applyAmendment(doc: Y.Doc, change: AmendmentChange | ParagraphAmendmentChange): string | false {
  if (isParagraphAmendment(change.kind)) return applyParagraphAmendment(doc, change as ParagraphAmendmentChange);
  return applyWordAmendment(doc, change as AmendmentChange) && change.blockId;
}

/** Insert, delete or move a whole paragraph, when the rule (paragraph-change.ts) says it still fits the text. */
function applyParagraphAmendment(doc: Y.Doc, change: ParagraphAmendmentChange): string | false {
  if (!isParagraphChangeCurrent(contentFromYdoc(doc), change)) return false;
  if (change.kind === "delete_paragraph") return deleteParagraph(doc, change.blockId) && change.blockId;
  if (change.kind === "move_paragraph")
    return moveParagraphAfter(doc, change.blockId, change.targetBlockId ?? "") && change.blockId;
  const blockId = newBlockId();
  const kind = readParagraphKind(change.paragraphKind);
  const level = kind === "subparagraph" ? readSubparagraphLevel(change.paragraphLevel) : 1;
  return insertParagraphAfter(doc, change.blockId, { blockId, text: change.newText, kind, level }) && blockId;
}

function applyWordAmendment(doc: Y.Doc, change: AmendmentChange): boolean {
  for (const text of textsOfBlock(doc, change.blockId)) {
    const runs = runsOf(text);
    const plain = runs.map((r) => r.text).join("");
    const at = locateQuote(plain, change.quote);
    if (at === -1) continue;
    const end = at + change.quote.exact.length;
    doc.transact(() => {
      if (change.kind === "insert_after") {
        text.insert(end, joinAfter(plain, end, change.newText), formattingAt(runs, end - 1));
        return;
      }
      const [from, to] = change.kind === "delete" ? widenToOneSpace(plain, at, end) : [at, end];
      const formatting = formattingAt(runs, at);
      text.delete(from, to - from);
      if (change.kind === "replace") text.insert(from, change.newText, formatting);
    });
    return true;
  }
  return false;
}

/** The marks of the character at `index`, without comment marks: the new text was not what anyone commented on. */
function formattingAt(runs: Run[], index: number): Record<string, unknown> {
  const run = runs.find((r) => index >= r.start && index < r.start + r.text.length);
  const { comment: _comment, ...rest } = run?.attributes ?? {};
  return rest;
}

/** Inserted words are separated from the target by one space, unless the insertion starts with punctuation or already has one. */
function joinAfter(plain: string, end: number, newText: string): string {
  const isSpaced = /^[\s,.;:!?)]/.test(newText) || /\s$/.test(plain.slice(0, end));
  return isSpaced ? newText : ` ${newText}`;
}

/** A deleted phrase between two words takes one of its surrounding spaces with it. */
function widenToOneSpace(plain: string, from: number, to: number): [number, number] {
  if (plain[to] === " " && (from === 0 || plain[from - 1] === " ")) return [from, to + 1];
  if (plain[from - 1] === " " && (to === plain.length || /[,.;:!?)]/.test(plain[to]))) return [from - 1, to];
  return [from, to];
}
