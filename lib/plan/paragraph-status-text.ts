/**
 * What a paragraph's status is set on, and compared with on every save: its
 * words, and its open brackets as they print. A change to either (a word
 * typed, a bracket added, an alternative rewritten) means the paragraph is no
 * longer the text that was agreed.
 */
import type { Passage } from "@/lib/editor/passages";

export function readStatusText(passage: Pick<Passage, "text" | "brackets">): string {
  const brackets = passage.brackets.map((bracket) => `[${bracket.text}]`);
  return [passage.text, ...brackets].join(" ").trim();
}
