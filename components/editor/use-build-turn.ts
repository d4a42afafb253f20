"use client";

import { useEffect, useState } from "react";

/**
 * Building an editor takes tens of milliseconds; a page builds one per
 * section. Built all in one go they block the main thread for hundreds of
 * milliseconds (total blocking time), so each section waits for its turn:
 * one build per task, in mount order, with the browser free in between.
 */
let lastTurn: Promise<void> = Promise.resolve();

export function useBuildTurn(): boolean {
  const [isTurn, setTurn] = useState(false);
  useEffect(() => {
    let isCancelled = false;
    lastTurn = lastTurn.then(
      () =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            if (!isCancelled) setTurn(true);
            // The next build starts in a later task, after React has rendered this one.
            setTimeout(resolve, 0);
          }, 0);
        }),
    );
    return () => void (isCancelled = true);
  }, []);
  return isTurn;
}
