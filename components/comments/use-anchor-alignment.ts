"use client";

/**
 * Google Docs-style margin comments: on wide screens each thread card sits
 * level with its marked text, pushed down only as far as needed not to
 * overlap the card above. Offsets are recomputed when the text, the
 * threads or the window change. Narrow screens stack the cards instead.
 */
import { useEffect, useState } from "react";
import type { RefObject } from "react";

const WIDE = "(min-width: 1280px)"; // Tailwind's xl, where the margin column exists
const GAP_PX = 8;

type Anchored = { id: string };

/** The top margin of each thread card, by thread id; empty when the screen is narrow. */
export function useAnchorAlignment<T extends Anchored>({
  textRef,
  listRef,
  threads,
}: {
  textRef: RefObject<HTMLElement | null>;
  listRef: RefObject<HTMLElement | null>;
  threads: T[];
}): Map<string, number> {
  const [offsets, setOffsets] = useState<Map<string, number>>(new Map());
  useEffect(() => {
    const text = textRef.current;
    const list = listRef.current;
    if (!text || !list) return;
    const media = window.matchMedia(WIDE);
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        setOffsets((previous) => keepIfEqual(previous, media.matches ? measure(text, list, threads) : new Map())),
      );
    };
    const mutations = new MutationObserver(schedule);
    mutations.observe(text, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["class", "data-thread-ids"],
    });
    const resizes = new ResizeObserver(schedule);
    resizes.observe(text);
    if (list.parentElement) resizes.observe(list.parentElement);
    media.addEventListener("change", schedule);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      resizes.disconnect();
      media.removeEventListener("change", schedule);
    };
  }, [textRef, listRef, threads]);
  return offsets;
}

/** Where each card goes: level with its mark, or below the card above; cards without a mark follow the rest. */
function measure(text: HTMLElement, list: HTMLElement, threads: Anchored[]): Map<string, number> {
  const listTop = list.getBoundingClientRect().top;
  const markTop = (id: string) =>
    text.querySelector(`.comment-mark[data-thread-ids~="${CSS.escape(id)}"]`)?.getBoundingClientRect().top;
  const offsets = new Map<string, number>();
  let cursor = 0;
  for (const thread of threads) {
    const card = list.querySelector<HTMLElement>(`[data-thread-card="${CSS.escape(thread.id)}"]`);
    if (!card) continue;
    const mark = markTop(thread.id);
    const top = Math.max(mark === undefined ? cursor : mark - listTop, cursor);
    offsets.set(thread.id, Math.round(top - cursor));
    cursor = top + card.getBoundingClientRect().height + GAP_PX;
  }
  return offsets;
}

function keepIfEqual(previous: Map<string, number>, next: Map<string, number>): Map<string, number> {
  if (previous.size !== next.size) return next;
  for (const [id, offset] of next) if (previous.get(id) !== offset) return next;
  return previous;
}

/** Threads in the order of their marks in the text; threads without a mark (pending, detached) last. */
export function sortByAnchor<T extends Anchored>(threads: T[], text: HTMLElement | null): T[] {
  if (!text) return threads;
  const position = new Map<string, number>();
  text.querySelectorAll<HTMLElement>(".comment-mark[data-thread-ids]").forEach((mark, index) => {
    for (const id of mark.dataset.threadIds!.split(" ")) if (!position.has(id)) position.set(id, index);
  });
  return [...threads].sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity));
}
