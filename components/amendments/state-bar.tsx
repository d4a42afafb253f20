import { AMENDMENT_STATES } from "@/lib/amendments/schemas";
import type { AmendmentState } from "@/lib/amendments/schemas";

const COLOUR: Record<AmendmentState, string> = {
  pending: "bg-sky-600", stale: "bg-amber-500", accepted: "bg-emerald-600", rejected: "bg-red-700", withdrawn: "bg-slate-400",
};

/** How the plan's amendments stand, at a glance: one stacked bar, with the counts as text for everyone. */
export function AmendmentStateBar({ counts }: { counts: Record<AmendmentState, number> }) {
  const total = AMENDMENT_STATES.reduce((sum, state) => sum + counts[state], 0);
  return (
    <figure className="space-y-2">
      <div className="flex h-4 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
        {total > 0 && AMENDMENT_STATES.map((state) => counts[state] > 0 && (
          <div key={state} className={COLOUR[state]} style={{ width: `${(100 * counts[state]) / total}%` }} title={`${state}: ${counts[state]}`} />
        ))}
      </div>
      <figcaption className="flex flex-wrap gap-4 text-sm" data-testid="amendment-counts">
        {AMENDMENT_STATES.map((state) => (
          <span key={state} className="flex items-center gap-1"><span className={`inline-block h-3 w-3 rounded-sm ${COLOUR[state]}`} aria-hidden="true" />{state}: <strong>{counts[state]}</strong></span>
        ))}
      </figcaption>
    </figure>
  );
}
