"use client";

import { useEffect, useState } from "react";
import { Time } from "@/components/ui/time";

/** "2 d 3 h", "3 h 05 min", "4 min 09 s": coarser the further away, so it stays short. */
export function describeRemaining(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m, s] = [
    Math.floor(seconds / 86400),
    Math.floor(seconds / 3600) % 24,
    Math.floor(seconds / 60) % 60,
    seconds % 60,
  ];
  const pad = (n: number) => String(n).padStart(2, "0");
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${pad(m)} min`;
  return `${m} min ${pad(s)} s`;
}

/**
 * A deadline with the time left before it, ticking every second, and "passed" once it is. The time left appears
 * only after hydration (the server's clock is not the reader's); as a timer it is not read aloud at every tick.
 */
export function Countdown({ deadline, label }: { deadline: string; label: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  const remaining = now === null ? null : new Date(deadline).getTime() - now;
  const isPassed = remaining !== null && remaining <= 0;
  return (
    <span data-testid="deadline" data-passed={isPassed}>
      {label} {isPassed ? "closed" : "close"} <Time date={deadline} />
      {remaining !== null && (
        <span
          role="timer"
          className={isPassed ? "font-semibold text-red-800" : "text-slate-700"}
          data-testid="countdown"
        >
          {isPassed ? " (the deadline has passed)" : ` (in ${describeRemaining(remaining)})`}
        </span>
      )}
    </span>
  );
}
