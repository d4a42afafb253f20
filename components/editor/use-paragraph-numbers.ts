"use client";

/**
 * Keeps a section's editor and the plan's live numbering in step: the editor
 * draws the numbers it is given (paragraph-numbers.ts) and, once synced,
 * reports its passages on every change — its own edits and everyone else's
 * alike — so the sections after it renumber live.
 */
import type { Editor } from "@tiptap/core";
import { useEffect } from "react";
import { useParagraphNumbersStore } from "./paragraph-numbering";
import { readPassages } from "@/lib/editor/passages";
import { paragraphNumbersKey } from "./paragraph-numbers";
import type { SectionNumbers } from "./paragraph-numbers";

export function useParagraphNumbers(editor: Editor | null, sectionId: string, isSynced: boolean): void {
  const store = useParagraphNumbersStore();
  useEffect(() => {
    if (!editor || editor.isDestroyed || !store) return;
    const show = (numbers: SectionNumbers) => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(paragraphNumbersKey, numbers));
    };
    const unsubscribe = store.subscribe(sectionId, show);
    show(store.numbersOf(sectionId));
    // Before the sync the editor's document is empty: reporting it would renumber the sections after it.
    if (!isSynced) return unsubscribe;
    const report = () => store.report(sectionId, readPassages(editor.state.doc));
    report();
    editor.on("update", report);
    return () => {
      editor.off("update", report);
      unsubscribe();
    };
  }, [editor, store, sectionId, isSynced]);
}
