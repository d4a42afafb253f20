import { BarLegend, StackedBar } from "@/components/ui/stacked-bar";
import { AMENDMENT_STATES } from "@/lib/amendments/schemas";
import type { AmendmentState } from "@/lib/amendments/schemas";

const COLOUR: Record<AmendmentState, string> = {
  pending: "bg-sky-600",
  stale: "bg-amber-500",
  accepted: "bg-emerald-600",
  rejected: "bg-red-700",
  withdrawn: "bg-slate-400",
};

/** How the plan's amendments stand, at a glance: one stacked bar, with the counts as text for everyone. */
export function AmendmentStateBar({ counts }: { counts: Record<AmendmentState, number> }) {
  const segments = AMENDMENT_STATES.map((state) => ({
    key: state,
    label: state,
    count: counts[state],
    colour: COLOUR[state],
  }));
  return (
    <figure className="space-y-2">
      <StackedBar segments={segments} height="h-4" />
      <figcaption data-testid="amendment-counts">
        <BarLegend segments={segments} withCounts />
      </figcaption>
    </figure>
  );
}
