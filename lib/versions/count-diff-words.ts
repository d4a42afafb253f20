/** Words (not spaces or punctuation) inserted and deleted by a word diff: the figures a version's change summary shows. */
import { tokenizeWords } from "@/lib/diff/word-diff";
import type { DiffSegment } from "@/lib/diff/word-diff";

const WORD = /[\p{L}\p{N}]/u;

export function countDiffWords(segments: DiffSegment[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const segment of segments) {
    if (segment.type === "equal") continue;
    const words = tokenizeWords(segment.text).filter((token) => WORD.test(token)).length;
    if (segment.type === "insert") added += words;
    else removed += words;
  }
  return { added, removed };
}
