import { BarLegend, countAll, StackedBar } from "@/components/ui/stacked-bar";
import type { BarSegment } from "@/components/ui/stacked-bar";
import { COVERAGE_STATUSES } from "@/lib/provenance/coverage-status";
import type { CoverageCounts, CoverageStatus } from "@/lib/provenance/coverage-status";
import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_STYLE: Record<CoverageStatus, { label: string; bar: string; tone: BadgeTone }> = {
  covered: { label: "covered", bar: "bg-emerald-700", tone: "success" },
  suspect: { label: "suspect: re-check", bar: "bg-orange-600", tone: "caution" },
  suggested: { label: "suggested only", bar: "bg-amber-500", tone: "warning" },
  excluded: { label: "excluded", bar: "bg-slate-500", tone: "muted" },
  uncovered: { label: "uncovered", bar: "bg-red-600", tone: "danger" },
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
