import { countCoverage } from "@/lib/provenance/compute-coverage";
import { CoverageBar, CoverageLegend } from "./coverage-bar";
import type { CoverageGroup } from "./coverage-points";

/** One bar per group, each linking to the board filtered to that group. */
export function CoverageAtAGlance<G extends CoverageGroup>({
  groups,
  hrefOf,
}: {
  groups: readonly G[];
  hrefOf: (group: G) => string;
}) {
  return (
    <section aria-labelledby="at-a-glance" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="at-a-glance" className="font-semibold">
          At a glance
        </h2>
        <CoverageLegend />
      </div>
      {groups.map((g) => (
        <CoverageBar key={g.key} title={g.title} counts={countCoverage(g.entries)} href={hrefOf(g)} />
      ))}
    </section>
  );
}
