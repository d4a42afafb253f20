import type { CoverageCounts, CoverageStatus } from "@/lib/provenance/compute-coverage";

export const STATUS_STYLE: Record<CoverageStatus, { label: string; bar: string; pill: string }> = {
  covered: { label: "covered", bar: "bg-emerald-700", pill: "bg-emerald-100 text-emerald-900" },
  suspect: { label: "suspect: re-check", bar: "bg-orange-600", pill: "bg-orange-100 text-orange-900" },
  suggested: { label: "suggested only", bar: "bg-amber-500", pill: "bg-amber-100 text-amber-900" },
  excluded: { label: "excluded", bar: "bg-slate-500", pill: "bg-slate-200 text-slate-800" },
  uncovered: { label: "uncovered", bar: "bg-red-600", pill: "bg-red-100 text-red-900" },
};

const ORDER: CoverageStatus[] = ["covered", "suspect", "suggested", "excluded", "uncovered"];

/** One group's coverage as a stacked bar, so gaps show at a glance; the numbers are in the text for screen readers. */
export function CoverageBar({ title, counts, href }: { title: string; counts: CoverageCounts; href: string }) {
  const total = ORDER.reduce((sum, status) => sum + counts[status], 0);
  const summary = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_STYLE[s].label}`).join(", ");
  return (
    <div className="grid grid-cols-[10rem_1fr] items-center gap-3 text-sm">
      <a href={href} className="font-medium text-un-dark hover:underline">{title}</a>
      <div>
        <div className="flex h-5 overflow-hidden rounded bg-slate-100" aria-hidden="true">
          {ORDER.map((status) => counts[status] > 0 && (
            <div key={status} className={STATUS_STYLE[status].bar} style={{ width: `${(100 * counts[status]) / Math.max(total, 1)}%` }} title={`${counts[status]} ${STATUS_STYLE[status].label}`} />
          ))}
        </div>
        <p className="mt-0.5 text-xs text-slate-700">{total} in all: {summary || "none"}</p>
      </div>
    </div>
  );
}

export function CoverageLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {ORDER.map((status) => (
        <li key={status} className="flex items-center gap-1">
          <span className={`inline-block h-3 w-3 rounded ${STATUS_STYLE[status].bar}`} aria-hidden="true" />
          {STATUS_STYLE[status].label}
        </li>
      ))}
    </ul>
  );
}
