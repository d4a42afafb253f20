"use client";

/**
 * Keyboard access to a read-only section (delegates, observers): the text
 * takes focus, the arrow keys move from passage to passage, and Enter opens
 * the passage — its sources, and commenting or amending on the whole
 * passage. A read-only ProseMirror has no caret, so without this a
 * keyboard user could not reach a passage at all.
 */
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { readPassages } from "@/lib/editor/passages";
import type { Passage } from "@/lib/editor/passages";
import type { ActivePassage } from "./section-editor";

const FOCUSED = "passage-focused";

/** The section's passages in reading order (lib/editor/passages.ts), each with the element that shows it. */
function listPassages(editor: Editor): { passage: Passage; element: HTMLElement }[] {
  return readPassages(editor.state.doc).flatMap((passage) => {
    const element = editor.view.dom.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(passage.blockId)}"]`);
    return element ? [{ passage, element }] : [];
  });
}

/** The passage a click landed in: the innermost block around it that is one. */
export function passageOfElement(editor: Editor, target: EventTarget): ActivePassage | null {
  const passages = new Map(readPassages(editor.state.doc).map((passage) => [passage.blockId, passage]));
  for (let element = (target as HTMLElement).closest?.("[data-block-id]"); element;) {
    const passage = passages.get(element.getAttribute("data-block-id")!);
    if (passage) return { blockId: passage.blockId, text: passage.text };
    element = element.parentElement?.closest("[data-block-id]") ?? null;
  }
  return null;
}

/** Arrow keys, Home and End move the focused passage; Enter or Space opens it. Returns the handler and what to announce. */
export function usePassageNavigation(editor: Editor | null, onOpen: (passage: ActivePassage) => void) {
  const [announcement, setAnnouncement] = useState("");
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    const passages = editor ? listPassages(editor) : [];
    if (!passages.length) return;
    const current = passages.findIndex(({ element }) => element.classList.contains(FOCUSED));
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: passages.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(passages.length - 1, Math.max(0, current === -1 ? 0 : moves[event.key]));
      passages[current]?.element.classList.remove(FOCUSED);
      passages[next].element.classList.add(FOCUSED);
      passages[next].element.scrollIntoView({ block: "nearest" });
      setAnnouncement(`Passage ${next + 1} of ${passages.length}: ${passages[next].passage.text}`);
    } else if ((event.key === "Enter" || event.key === " ") && current !== -1) {
      event.preventDefault();
      const { blockId, text } = passages[current].passage;
      onOpen({ blockId, text });
    }
  };
  return { onKeyDown, announcement };
}
