"use client";

/**
 * The time left until a silence procedure ends, ticking every second. Rendered only in the browser (the server's
 * clock and the reader's differ by the time the page travels, which would break hydration). When it reaches zero it
 * calls `onEnd` once: the page renders again, and the server, reading the state, adopts the revision if nobody broke
 * silence (lib/negotiation/read-silence.ts).
 */
import { useEffect, useRef, useState } from "react";

export function SilenceCountdown({ endsAt, onEnd }: { endsAt: string; onEnd: () => void }) {
  const [now, setNow] = useState<number | null>(null);
  const hasEnded = useRef(false);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const leftMs = now === null ? null : new Date(endsAt).getTime() - now;
  useEffect(() => {
    if (leftMs !== null && leftMs <= 0 && !hasEnded.current) {
      hasEnded.current = true;
      onEnd();
    }
  }, [leftMs, onEnd]);
  if (leftMs === null) return null;
  // A timer is not announced every second (role="timer" is not live by default); the text is there when read.
  return (
    <span
      role="timer"
      aria-label="Time left before silence ends"
      data-testid="silence-countdown"
      className="tabular-nums"
    >
      {leftMs > 0 ? `ends in ${describeDuration(leftMs)}` : "ending now…"}
    </span>
  );
}

/** "2 d 3 h", "3 h 05 min", "4 min 09 s", "19 s". */
export function describeDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const [days, hours, minutes, rest] = [
    Math.floor(seconds / 86_400),
    Math.floor((seconds % 86_400) / 3600),
    Math.floor((seconds % 3600) / 60),
    seconds % 60,
  ];
  const pad = (value: number) => String(value).padStart(2, "0");
  if (days) return `${days} d ${hours} h`;
  if (hours) return `${hours} h ${pad(minutes)} min`;
  if (minutes) return `${minutes} min ${pad(rest)} s`;
  return `${rest} s`;
}
