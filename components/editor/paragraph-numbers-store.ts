/**
 * The plan's paragraph numbers while it is being edited live. Each section is
 * its own editor, yet operative paragraphs are numbered across the sections
 * of a part: the store holds every section's numbered paragraphs (the
 * server's until that section's editor reports its own), numbers them all
 * with numberParagraphs (lib/editor/passages.ts) whenever one reports, and
 * tells only the sections whose numbers changed. Not React state: a keystroke
 * in one section re-renders no component, and redraws only the editors whose
 * numbers it changed.
 */
import { selectNumberedPassages } from "@/lib/editor/numbered-sections";
import type { SectionParagraphs } from "@/lib/editor/numbered-sections";
import { numberParagraphs } from "@/lib/editor/passages";
import type { ParagraphNumber, Passage } from "@/lib/editor/passages";
import type { SectionNumbers } from "./paragraph-numbers";

type Listener = (numbers: SectionNumbers) => void;

export type ParagraphNumbersStore = {
  /** The section's current numbers, by blockId. */
  numbersOf: (sectionId: string) => SectionNumbers;
  /** A section's editor read its passages anew (any passages; only the numbered ones are kept). */
  report: (sectionId: string, passages: readonly Passage[]) => void;
  /**
   * The plan's sections changed (added, moved, removed, or a part changed): number them in their new order,
   * keeping what each editor has reported; a new section starts from the server's passages.
   */
  restructure: (next: readonly SectionParagraphs[]) => void;
  /** Calls back with the section's numbers whenever they change; returns the unsubscribe. */
  subscribe: (sectionId: string, listener: Listener) => () => void;
};

export function createParagraphNumbersStore(initial: readonly SectionParagraphs[]): ParagraphNumbersStore {
  let sections = initial.map((section) => ({ ...section }));
  const listeners = new Map<string, Set<Listener>>();
  let bySection = numberBySection(sections);
  /** Numbers everything again and tells the sections whose numbers changed. */
  const renumber = () => {
    const previous = bySection;
    bySection = numberBySection(sections);
    for (const [id, { numbers, signature }] of bySection) {
      if (previous.get(id)?.signature === signature) continue;
      listeners.get(id)?.forEach((listener) => listener(numbers));
    }
  };
  return {
    numbersOf: (sectionId) => bySection.get(sectionId)?.numbers ?? new Map(),
    report(sectionId, passages) {
      const section = sections.find((candidate) => candidate.sectionId === sectionId);
      if (!section) return;
      section.passages = selectNumberedPassages(passages);
      renumber();
    },
    restructure(next) {
      const reported = new Map(sections.map((section) => [section.sectionId, section.passages]));
      sections = next.map((section) => ({ ...section, passages: reported.get(section.sectionId) ?? section.passages }));
      renumber();
    },
    subscribe(sectionId, listener) {
      const set = listeners.get(sectionId) ?? new Set();
      listeners.set(sectionId, set.add(listener));
      return () => void set.delete(listener);
    },
  };
}

/** Each section's share of the plan's numbering, with a signature to tell whether it changed. */
function numberBySection(
  sections: readonly SectionParagraphs[],
): Map<string, { numbers: Map<string, ParagraphNumber>; signature: string }> {
  const all = numberParagraphs(sections);
  return new Map(
    sections.map((section) => {
      const numbers = new Map(
        section.passages.flatMap((passage) => {
          const number = all.get(passage.blockId);
          return number ? [[passage.blockId, number] as const] : [];
        }),
      );
      return [section.sectionId, { numbers, signature: JSON.stringify([...numbers]) }];
    }),
  );
}
