"use client";

/**
 * An ARIA toolbar: one Tab stop for the whole group, and the arrow keys
 * (Home, End too) move between its buttons, as the WAI-ARIA toolbar pattern
 * has it. Focus returns to the button last used. Its children are plain
 * buttons (components/ui/button.tsx); the toolbar only manages which one
 * takes the Tab stop.
 */
import { useLayoutEffect, useRef, useState } from "react";

const STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

export function Toolbar({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const buttons = () => [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
  // After every render: buttons may come and go, and exactly one must be the Tab stop.
  useLayoutEffect(() => {
    const all = buttons();
    all.forEach((button, index) => (button.tabIndex = index === Math.min(active, all.length - 1) ? 0 : -1));
  });
  function onKeyDown(event: React.KeyboardEvent) {
    const step = STEPS[event.key];
    const all = buttons();
    const index = all.indexOf(event.target as HTMLButtonElement);
    if (!step || index === -1) return;
    event.preventDefault();
    const next = step(index, all.length);
    setActive(next);
    all[next].focus();
  }
  function onFocus(event: React.FocusEvent) {
    const index = buttons().indexOf(event.target as HTMLButtonElement);
    if (index !== -1) setActive(index);
  }
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      className={className}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {children}
    </div>
  );
}
