/**
 * The app's one button: a variant for what it does, a size for where it sits.
 * Everything else a <button> takes (type, onClick, disabled, aria-*) passes
 * through, and its text is its accessible name, as before.
 */
import type { ComponentPropsWithRef } from "react";

const VARIANT = {
  /** The main action of a form or panel. */
  primary: "bg-un font-medium text-white hover:bg-un-dark",
  /** The main action of a compact inline form (Reply, Filter, Save version): the darker blue holds up among other controls. */
  "primary-compact": "bg-un-dark font-medium text-white hover:bg-un",
  /** Any other action. */
  secondary: "border border-slate-400 hover:bg-slate-100",
  /** An action that leads on, in the UN blue (Restore…, Suggest an amendment). */
  outline: "border border-un-dark text-un-dark hover:bg-sky-50",
  /** An action that removes or undoes, before its confirmation. */
  danger: "border border-red-400 text-red-900 hover:bg-red-50",
  /** A decision that refuses (Reject). */
  "danger-solid": "bg-red-800 font-medium text-white hover:bg-red-900",
  /** An action that settles something for the better (Address a concern). */
  success: "border border-emerald-700 text-emerald-900 hover:bg-emerald-50",
  /** A decision that confirms (Confirm a source, Accept). */
  "success-solid": "bg-emerald-700 font-medium text-white hover:bg-emerald-800",
  /** Saving an inline note or reason, quieter than a primary. */
  neutral: "bg-slate-700 text-white hover:bg-slate-800",
  /** Reads as a link (Cancel, Show more); takes the text size and colour around it. */
  link: "underline",
} as const;

const SIZE = {
  /** Among small text (cards, lists of actions). */
  xs: "px-2 py-0.5 text-xs",
  /** As small, but in the surrounding text size. */
  compact: "px-2 py-0.5",
  sm: "px-2 py-1 text-xs",
  md: "px-3 py-1",
  lg: "px-4 py-1.5",
  /** The full width of a narrow form (sign-in). */
  block: "w-full px-4 py-2",
} as const;

export type ButtonVariant = keyof typeof VARIANT;
export type ButtonSize = keyof typeof SIZE;

type Props = ComponentPropsWithRef<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

/** The class names of a button's look, for the odd element that must look like one without being a <Button>. */
export function buttonClasses({
  variant = "secondary",
  size = "xs",
  className = "",
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}): string {
  // A link-like button has no box to pad.
  const box = variant === "link" ? "" : `rounded ${SIZE[size]}`;
  return [box, VARIANT[variant], "disabled:opacity-60", className].filter(Boolean).join(" ");
}

export function Button({ variant, size, className, type = "button", ...rest }: Props) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...rest} />;
}
