/**
 * Plan documents of kinded paragraphs for the tests, built one way: a spec per
 * paragraph (its block id, kind, words and sub-paragraph level) made into the
 * Tiptap JSON the editor and the database hold.
 */
import type { JSONContent } from "@tiptap/core";

export type ParagraphSpec = [blockId: string, kind: string, text: string, level?: number];

/** One paragraph of a kind; empty words make an empty paragraph, as the editor stores one. */
export function kindedParagraph(...[blockId, kind, text, level]: ParagraphSpec): JSONContent {
  return {
    type: "paragraph",
    attrs: { blockId, kind, level: level ?? 1 },
    content: text ? [{ type: "text", text }] : [],
  };
}

/** A document of those paragraphs, in order. */
export function kindedDocument(specs: ParagraphSpec[]): JSONContent {
  return { type: "doc", content: specs.map((spec) => kindedParagraph(...spec)) };
}
