"use client";

import { useCallback, useEffect, useState } from "react";
import type { RefObject } from "react";
import type { SelectedQuote } from "@/components/comments/selection-quote";
import type { ActivePassage } from "@/components/editor/section-editor";

const ACTIVE_SECTION_EVENT = "gpa:active-section";

/**
 * The passage whose sources a section shows (at the caret, or opened by a
 * reader), and the text selected for a comment or an amendment. One panel
 * at a time on the page: another section becoming active closes this one's.
 */
export function useActivePassage(sectionKey: string, textRef: RefObject<HTMLElement | null>) {
  const [passage, setPassage] = useState<ActivePassage | null>(null);
  const [selection, setSelection] = useState<SelectedQuote | null>(null);

  const activate = useCallback(
    (next: ActivePassage | null, { isKeyboard = false } = {}) => {
      setPassage(next);
      if (next) window.dispatchEvent(new CustomEvent(ACTIVE_SECTION_EVENT, { detail: sectionKey }));
      // A reader who opens a passage from the keyboard cannot select part of it: the whole passage is what they comment on or amend.
      if (next && isKeyboard) {
        setSelection({ blockId: next.blockId, exact: next.text.trim(), prefix: "", suffix: "" });
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

  return { passage, close: () => setPassage(null), activate, selection, setSelection };
}
