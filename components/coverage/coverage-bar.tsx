import { BarLegend, countAll, StackedBar } from "@/components/ui/stacked-bar";
import type { BarSegment } from "@/components/ui/stacked-bar";
import { COVERAGE_STATUSES } from "@/lib/provenance/coverage-status";
import type { CoverageCounts, CoverageStatus } from "@/lib/provenance/coverage-status";

export const STATUS_STYLE: Record<CoverageStatus, { label: string; bar: string; pill: string }> = {
  covered: { label: "covered", bar: "bg-emerald-700", pill: "bg-emerald-100 text-emerald-900" },
  suspect: { label: "suspect: re-check", bar: "bg-orange-600", pill: "bg-orange-100 text-orange-900" },
  suggested: { label: "suggested only", bar: "bg-amber-500", pill: "bg-amber-100 text-amber-900" },
  excluded: { label: "excluded", bar: "bg-slate-500", pill: "bg-slate-200 text-slate-800" },
  uncovered: { label: "uncovered", bar: "bg-red-600", pill: "bg-red-100 text-red-900" },
};

function segmentsOf(counts?: CoverageCounts): BarSegment[] {
  return COVERAGE_STATUSES.map((status) => ({
    key: status,
    label: STATUS_STYLE[status].label,
    count: counts?.[status] ?? 0,
    colour: STATUS_STYLE[status].bar,
  }));
}

/** One group's coverage as a stacked bar, so gaps show at a glance; the numbers are in the text for screen readers. */
export function CoverageBar({ title, counts, href }: { title: string; counts: CoverageCounts; href: string }) {
  const segments = segmentsOf(counts);
  return (
    <div className="grid grid-cols-[10rem_1fr] items-center gap-3 text-sm">
      <a href={href} className="font-medium text-un-dark hover:underline">
        {title}
      </a>
      <div>
        <StackedBar segments={segments} />
        <p className="mt-0.5 text-xs text-slate-700">
          {countAll(segments)} in all: {describeCoverage(counts)}
        </p>
      </div>
    </div>
  );
}

/** The counts in words, "3 covered, 51 uncovered", or "none". */
export function describeCoverage(counts: CoverageCounts): string {
  const parts = segmentsOf(counts)
    .filter((s) => s.count > 0)
    .map((s) => `${s.count} ${s.label}`);
  return parts.join(", ") || "none";
}

export function CoverageLegend() {
  return <BarLegend segments={segmentsOf()} />;
}
