"use client";

/**
 * What the viewer may do with the text they selected, as one small toolbar
 * at the selection (as in a shared document): Comment, Propose amendment,
 * Cite a source. Each opens its one form or panel; nothing opens before a
 * choice, so selecting never moves the text. Arrow keys move between the
 * buttons (the toolbar pattern), Escape drops the selection.
 */
import { useRef } from "react";

export type SelectionAction = "comment" | "amend" | "cite";

const ACTION_LABEL: Record<SelectionAction, string> = {
  comment: "Comment",
  amend: "Propose amendment",
  cite: "Cite a source",
};

type Props = {
  /** The actions the viewer may take, in order; the bar is not drawn without one. */
  actions: readonly SelectionAction[];
  onChoose: (action: SelectionAction) => void;
  onDismiss: () => void;
  /** Where it floats, in the text's box; without one it sits in the flow (the keyboard's passage panel). */
  position?: { top: number; left: number };
};

export function SelectionActionBar({ actions, onChoose, onDismiss, position }: Props) {
  const barRef = useRef<HTMLDivElement>(null);
  if (actions.length === 0) return null;

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") return onDismiss();
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const buttons = [...(barRef.current?.querySelectorAll("button") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === "ArrowRight" ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  }

  return (
    <div
      ref={barRef}
      role="toolbar"
      aria-label="Act on the selected text"
      data-testid="selection-actions"
      onKeyDown={onKeyDown}
      style={position && { top: position.top, left: position.left }}
      className={`${position ? "absolute z-20 shadow-md" : ""} flex w-max gap-1 rounded border border-slate-300 bg-white p-1 text-xs`}
    >
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          // The selection must survive the click that chooses what to do with it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(action)}
          className="rounded px-2 py-1 font-medium text-un-dark hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-un"
        >
          {ACTION_LABEL[action]}
        </button>
      ))}
    </div>
  );
}
