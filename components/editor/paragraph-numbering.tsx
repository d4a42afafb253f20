"use client";

/**
 * Around the plan's sections: the one live numbering of their paragraphs
 * (components/editor/paragraph-numbers-store.ts), started from what the
 * server read, which each section's editor reads and reports to.
 */
import { createContext, useContext, useEffect, useState } from "react";
import { createParagraphNumbersStore } from "./paragraph-numbers-store";
import type { ParagraphNumbersStore } from "./paragraph-numbers-store";
import type { SectionParagraphs } from "@/lib/editor/numbered-sections";

const ParagraphNumbersContext = createContext<ParagraphNumbersStore | null>(null);

/** The store, or null outside a plan page (a section then numbers nothing). */
export function useParagraphNumbersStore(): ParagraphNumbersStore | null {
  return useContext(ParagraphNumbersContext);
}

export function ParagraphNumbering({
  sections,
  children,
}: {
  sections: SectionParagraphs[];
  children: React.ReactNode;
}) {
  // Made once: later server renders of the page do not reset what the editors have reported.
  const [store] = useState(() => createParagraphNumbersStore(sections));
  // A change to the plan's structure (heard live, the page rendered again) renumbers in the new order.
  const structure = sections.map((section) => `${section.sectionId}:${section.part}`).join(",");
  useEffect(() => store.restructure(sections), [store, structure]); // eslint-disable-line react-hooks/exhaustive-deps
  return <ParagraphNumbersContext.Provider value={store}>{children}</ParagraphNumbersContext.Provider>;
}
