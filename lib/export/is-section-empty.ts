/**
 * Whether a section has nothing of its own to print, for exports that leave
 * empty sections out (`omitEmpty`). Empty means: no passage holds a word (a
 * letter or a digit) apart from the guidance paragraph seeding put first
 * (block `<key>.guidance`, lib/plan/seed-plan.ts) while it still says only
 * the guidance. A guidance paragraph someone rewrote is text like any other;
 * citations, sources and empty numbered paragraphs are not words.
 */
import type { Passage } from "@/lib/editor/passages";

const WORD = /[\p{L}\p{N}]/u;

export function isSectionEmpty({
  key,
  guidance,
  passages,
}: {
  key: string;
  /** The section's guidance, or null when it is not known (a version of a section since deleted). */
  guidance: string | null;
  passages: readonly Passage[];
}): boolean {
  return passages.every((passage) => !WORD.test(passage.text) || isSeededGuidance(passage, key, guidance));
}

function isSeededGuidance(passage: Passage, key: string, guidance: string | null): boolean {
  if (passage.blockId !== `${key}.guidance`) return false;
  return guidance === null || passage.text.trim() === guidance.trim();
}
