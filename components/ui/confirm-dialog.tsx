"use client";

/**
 * The step before an action that cannot be taken back (removing, resetting,
 * restoring): a question, what it will do, and the action or Cancel. It
 * replaces the button that opened it, takes focus (its action, or the first
 * field a caller puts inside), and Escape cancels.
 */
import { useId } from "react";
import { Button } from "./button";
import type { ButtonVariant } from "./button";

const TONE = {
  danger: { box: "", confirm: "danger-solid" },
  primary: { box: "rounded border border-amber-300 bg-amber-50 p-2", confirm: "primary-compact" },
} as const satisfies Record<string, { box: string; confirm: ButtonVariant }>;

type Props = {
  title: React.ReactNode;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  tone?: keyof typeof TONE;
  /** While the action runs: the confirm button says so, and neither button can be pressed. */
  busyLabel?: string;
  isBusy?: boolean;
  /** False while the caller's own condition (a typed word) is unmet. */
  canConfirm?: boolean;
  /** Fields between the text and the buttons; the first should take focus itself (autoFocus). */
  children?: React.ReactNode;
};

export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
  tone = "danger",
  busyLabel,
  isBusy = false,
  canConfirm = true,
  children,
}: Props) {
  const id = useId();
  const style = TONE[tone];
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className={`space-y-2 ${style.box}`}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
    >
      <p id={`${id}-title`} className="font-semibold">
        {title}
      </p>
      <p id={`${id}-text`}>{description}</p>
      {children}
      <div className="flex gap-2">
        <Button
          variant={style.confirm}
          size="md"
          autoFocus={!children}
          onClick={onConfirm}
          disabled={isBusy || !canConfirm}
        >
          {isBusy && busyLabel ? busyLabel : confirmLabel}
        </Button>
        <Button variant="secondary" size="md" onClick={onCancel} disabled={isBusy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
