"use client";

import { useEffect, useState } from "react";
import type { ThreadView } from "./use-threads";

/**
 * The thread the address points at (`#thread-<id>`, where notifications
 * link) or that `requested` names (a clicked highlight), once this panel has
 * loaded it: `reveal` clears the filters that would hide it, then it is
 * scrolled to and focused.
 */
export function useLinkedThread(
  threads: ThreadView[] | null,
  requested: { id: string } | null,
  reveal: (thread: ThreadView) => void,
): void {
  // An object, not the id: following the same link twice must show the thread twice.
  const [linked, setLinked] = useState<{ id: string } | null>(null);
  const [handled, setHandled] = useState<{ id: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      setLinked(
        window.location.hash.startsWith("#thread-")
          ? { id: decodeURIComponent(window.location.hash.slice("#thread-".length)) }
          : null,
      );
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  useEffect(() => {
    if (requested) setLinked(requested);
  }, [requested]);
  useEffect(() => {
    if (!linked || linked === handled || !threads) return;
    const thread = threads.find((t) => t.id === linked.id);
    if (!thread) return; // another section's thread
    setHandled(linked);
    reveal(thread);
    setFocusId(thread.id);
  }, [linked, handled, threads, reveal]);
  // After the render that shows it.
  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(`thread-${focusId}`);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    setFocusId(null);
  });
}
