"use client";

export type SaveState = "connecting" | "saving" | "saved" | "offline" | "denied";

const LABELS: Record<SaveState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — your changes are kept",
  denied: "This section is not available live: reload the page",
};

const STYLES: Record<SaveState, string> = {
  connecting: "text-slate-600",
  saving: "text-slate-700",
  saved: "text-emerald-800",
  offline: "font-medium text-amber-900",
  denied: "font-medium text-red-800",
};

/** The section's save state, announced politely to screen readers. */
export function SaveStatus({ state, canEdit }: { state: SaveState; canEdit: boolean }) {
  // A reader has nothing to save: "Live" says the text follows the drafters.
  const label = canEdit
    ? LABELS[state]
    : state === "saved" || state === "saving"
      ? "Live"
      : state === "offline"
        ? "Offline — reconnecting…"
        : LABELS[state];
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state}
      className={`text-xs ${STYLES[state]}`}
    >
      {label}
    </p>
  );
}
