"use client";

import { useEffect } from "react";
import type { RefObject } from "react";

/**
 * A popover's ways out: a pointer down outside `root` closes it, and Escape
 * inside closes it and puts focus back on `trigger` (the button that opened
 * it), so a keyboard user is never left on a vanished element. Returns the
 * keydown handler to put on the root.
 */
export function useDismiss({
  isOpen,
  close,
  root,
  trigger,
}: {
  isOpen: boolean;
  close: () => void;
  root: RefObject<HTMLElement | null>;
  trigger: RefObject<HTMLElement | null>;
}): (event: React.KeyboardEvent) => void {
  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    return () => document.removeEventListener("pointerdown", closeOnOutsidePointer);
  }, [isOpen, close, root]);

  return (event) => {
    if (event.key !== "Escape" || !isOpen) return;
    event.preventDefault();
    close();
    trigger.current?.focus();
  };
}
