"use client";

/**
 * A disclosure menu: a button that opens a panel below it (the Export menu,
 * the notification bell). The button says whether it is open
 * (aria-expanded) and what it opens (aria-controls); Enter or Space opens
 * it, Escape closes it and puts focus back on the button, a pointer down
 * outside closes it, and Tab walks through the panel. Not an ARIA "menu"
 * (arrow keys, menuitems): its panels hold ordinary controls and links.
 */
import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss";

type Props = {
  /** What the button shows; its text is its accessible name unless `label` is given. */
  trigger: React.ReactNode;
  /** The button's accessible name, where its content is an icon or a count. */
  label?: string;
  triggerClassName: string;
  triggerTestId?: string;
  panelClassName: string;
  /** Names the panel as a landmark region (its heading's id), for panels that are more than a list of actions. */
  panelLabelledBy?: string;
  className?: string;
  /** Beside the button, outside the panel (a live status). */
  aside?: React.ReactNode;
  /** Controlled: the caller holds whether it is open (to close it after an action, or fetch on opening). */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** The panel's content, rendered only while open. */
  children: React.ReactNode;
} & Omit<React.HTMLAttributes<HTMLDivElement>, "children" | "className" | "onKeyDown">;

export function Menu({
  trigger,
  label,
  triggerClassName,
  triggerTestId,
  panelClassName,
  panelLabelledBy,
  className = "relative",
  aside,
  isOpen: controlledOpen,
  onOpenChange,
  children,
  ...rootProps
}: Props) {
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = controlledOpen ?? ownOpen;
  const setOpen = useCallback(
    (open: boolean) => {
      setOwnOpen(open);
      onOpenChange?.(open);
    },
    [onOpenChange],
  );
  const close = useCallback(() => setOpen(false), [setOpen]);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const closeOnEscape = useDismiss({ isOpen, close, root: rootRef, trigger: buttonRef });
  const panelId = useId();
  return (
    <div ref={rootRef} className={className} onKeyDown={closeOnEscape} {...rootProps}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
        data-testid={triggerTestId}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {aside}
      {isOpen && (
        <div
          id={panelId}
          role={panelLabelledBy ? "region" : undefined}
          aria-labelledby={panelLabelledBy}
          className={panelClassName}
        >
          {children}
        </div>
      )}
    </div>
  );
}
