/**
 * A small coloured label: a stance, a status, an amendment's state, a role.
 * The tone carries the meaning, the same colour for the same meaning
 * everywhere; the text always says it too, so colour is never the only sign.
 */
import type { ComponentPropsWithoutRef } from "react";

const TONE = {
  /** Settled well: covered, addressed, accepted, supports. */
  success: "bg-emerald-100 text-emerald-900",
  /** Against or missing: opposes, uncovered, raised, rejected. */
  danger: "bg-red-100 text-red-900",
  /** Waiting or asking: pending, question. */
  info: "bg-sky-100 text-sky-900",
  /** Needs a look: stale, suggested only, detached, an invitation. */
  warning: "bg-amber-100 text-amber-900",
  /** Needs a re-check: a suspect link. */
  caution: "bg-orange-100 text-orange-900",
  /** Closed or set aside: resolved, withdrawn, excluded, noted. */
  muted: "bg-slate-200 text-slate-800",
  /** Just a fact: a kind, a role, a plain comment. */
  neutral: "bg-slate-100 text-slate-800",
  /** Seen by facilitators only. */
  private: "bg-purple-100 text-purple-900",
} as const;

export type BadgeTone = keyof typeof TONE;

type Props = ComponentPropsWithoutRef<"span"> & { tone?: BadgeTone };

export function Badge({ tone = "neutral", className = "", ...rest }: Props) {
  return <span className={`rounded px-1.5 py-0.5 ${TONE[tone]} ${className}`.trimEnd()} {...rest} />;
}
