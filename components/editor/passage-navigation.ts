"use client";

/**
 * Keyboard access to a read-only section (delegates, observers): the text
 * takes focus, the arrow keys move from passage to passage, and Enter opens
 * the passage — its sources, and commenting or amending on the whole
 * passage. A read-only ProseMirror has no caret, so without this a
 * keyboard user could not reach a passage at all.
 */
import { useState } from "react";
import type { ActivePassage } from "./section-editor";

const FOCUSED = "passage-focused";

/** The section's passages in reading order: top-level blocks and list items, not the paragraphs inside a list item. */
function listPassages(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(".ProseMirror [data-block-id]")].filter(
    (element) =>
      !element.parentElement?.closest("li[data-block-id]") &&
      (element.tagName === "LI" || element.parentElement?.classList.contains("ProseMirror")),
  );
}

/** A passage's own words: without the source numbers and citation badges drawn into it (not part of the text). */
export function readPassageText(element: HTMLElement): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    // Widgets inside the passage are not editable; a read-only editor as a whole is not either, so look inside only.
    acceptNode: (node) => {
      const widget = node.parentElement?.closest('[contenteditable="false"]');
      return widget && element.contains(widget) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.textContent ?? "";
  return text;
}

export function passageOfElement(target: EventTarget): ActivePassage | null {
  const origin = target as HTMLElement;
  // A list item is one passage, its paragraphs included.
  const element = origin.closest?.("li[data-block-id]") ?? origin.closest?.("[data-block-id]");
  if (!element) return null;
  return { blockId: element.getAttribute("data-block-id")!, text: readPassageText(element as HTMLElement) };
}

/** Arrow keys, Home and End move the focused passage; Enter or Space opens it. Returns the handler and what to announce. */
export function usePassageNavigation(onOpen: (passage: ActivePassage) => void) {
  const [announcement, setAnnouncement] = useState("");
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    const passages = listPassages(event.currentTarget);
    if (!passages.length) return;
    const current = passages.findIndex((p) => p.classList.contains(FOCUSED));
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: passages.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(passages.length - 1, Math.max(0, current === -1 ? 0 : moves[event.key]));
      passages[current]?.classList.remove(FOCUSED);
      passages[next].classList.add(FOCUSED);
      passages[next].scrollIntoView({ block: "nearest" });
      setAnnouncement(`Passage ${next + 1} of ${passages.length}: ${readPassageText(passages[next])}`);
    } else if ((event.key === "Enter" || event.key === " ") && current !== -1) {
      event.preventDefault();
      onOpen(passageOfElement(passages[current])!);
    }
  };
  return { onKeyDown, announcement };
}
