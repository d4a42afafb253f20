"use client";

import { useCallback, useEffect, useState } from "react";
import type { RefObject } from "react";
import { readSelectedQuote } from "@/components/comments/selection-quote";
import type { SelectedQuote } from "@/components/comments/selection-quote";
import type { ActivePassage } from "@/components/editor/section-editor";
import type { SelectionAction } from "./selection-action-bar";

const ACTIVE_SECTION_EVENT = "gpa:active-section";

/** Below the selection, in the text's box, so the toolbar covers none of the selected words. */
const BAR_GAP_PX = 6;

/**
 * The passage whose sources a section shows (at the caret, or opened by a
 * reader), the text selected for a comment or an amendment, and what the
 * viewer chose to do with it. One thing opens at a time: a fresh selection
 * shows only the action bar at it (`barAt`); choosing an action (`intent`)
 * opens that one form or panel. Another section becoming active closes this
 * one's passage.
 */
export function useActivePassage(sectionKey: string, textRef: RefObject<HTMLElement | null>) {
  const [passage, setPassage] = useState<ActivePassage | null>(null);
  const [selection, setSelection] = useState<SelectedQuote | null>(null);
  const [barAt, setBarAt] = useState<{ top: number; left: number } | null>(null);
  const [intent, setIntent] = useState<SelectionAction | null>(null);

  const activate = useCallback(
    (next: ActivePassage | null, { isKeyboard = false } = {}) => {
      setPassage(next);
      if (next) window.dispatchEvent(new CustomEvent(ACTIVE_SECTION_EVENT, { detail: sectionKey }));
      // A reader who opens a passage from the keyboard cannot select part of it: the whole passage is what
      // they comment on or amend, from the actions in its panel, where focus goes.
      if (next && isKeyboard) {
        setSelection({ blockId: next.blockId, exact: next.text.trim(), prefix: "", suffix: "" });
        setBarAt(null);
        setIntent(null);
        requestAnimationFrame(() =>
          textRef.current?.closest("section")?.querySelector<HTMLElement>('[data-testid="passage-panel"]')?.focus(),
        );
      }
    },
    [sectionKey, textRef],
  );

  useEffect(() => {
    const onOther = (event: Event) => (event as CustomEvent<string>).detail !== sectionKey && setPassage(null);
    window.addEventListener(ACTIVE_SECTION_EVENT, onOther);
    return () => window.removeEventListener(ACTIVE_SECTION_EVENT, onOther);
  }, [sectionKey]);

  /**
   * After a gesture in the text: a new selection shows the bar. A click
   * away drops it, unless a form is open; a key never does (Enter on a
   * passage has just selected it whole, see `activate`).
   */
  function captureSelection(event: React.MouseEvent | React.KeyboardEvent) {
    const text = textRef.current;
    const selected = text ? readSelectedQuote(text) : null;
    if (selected && text) {
      setSelection(selected);
      setIntent(null);
      setBarAt(barPositionIn(text));
    } else if (event.type === "mouseup" && intent !== "comment" && intent !== "amend") {
      finish();
    }
  }

  /** The form or panel is done (posted, cancelled) or the bar dismissed: back to the text. */
  function finish() {
    setSelection(null);
    setBarAt(null);
    setIntent(null);
  }

  function choose(action: SelectionAction) {
    setIntent(action);
    setBarAt(null);
  }

  return {
    passage,
    close: () => setPassage(null),
    activate,
    selection,
    barAt,
    intent,
    captureSelection,
    choose,
    finish,
  };
}

/** Where the bar floats: under the end of the selection, in `text`'s box (its offset parent). */
function barPositionIn(text: HTMLElement): { top: number; left: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  const last = rects[rects.length - 1];
  if (!last) return null;
  const box = text.getBoundingClientRect();
  return { top: last.bottom - box.top + BAR_GAP_PX, left: Math.max(0, last.left - box.left) };
}
