import type { ConcernCounts } from "@/lib/concerns/count-concerns";

type ConcernStatus = keyof ConcernCounts;

export const CONCERN_STATUS_STYLE: Record<ConcernStatus, { label: string; bar: string; pill: string }> = {
  addressed: { label: "addressed", bar: "bg-emerald-700", pill: "bg-emerald-100 text-emerald-900" },
  noted: { label: "noted", bar: "bg-slate-500", pill: "bg-slate-200 text-slate-800" },
  raised: { label: "raised", bar: "bg-red-600", pill: "bg-red-100 text-red-900" },
};

const ORDER: ConcernStatus[] = ["addressed", "noted", "raised"];

/** The register as one stacked bar, so open concerns show at a glance; the numbers are in the text for screen readers. */
export function ConcernBar({ counts, label = "Concerns" }: { counts: ConcernCounts; label?: string }) {
  const total = ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <div className="space-y-1 text-sm" data-testid="concern-bar">
      <div className="flex h-5 overflow-hidden rounded bg-slate-100" aria-hidden="true">
        {ORDER.map((status) => counts[status] > 0 && (
          <div key={status} className={CONCERN_STATUS_STYLE[status].bar} style={{ width: `${(100 * counts[status]) / Math.max(total, 1)}%` }} title={`${counts[status]} ${status}`} />
        ))}
      </div>
      <p className="text-xs text-slate-700">
        {label}: {total} in all — {ORDER.map((status) => `${counts[status]} ${CONCERN_STATUS_STYLE[status].label}`).join(", ")}
      </p>
    </div>
  );
}

export function ConcernLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {ORDER.map((status) => (
        <li key={status} className="flex items-center gap-1">
          <span className={`inline-block h-3 w-3 rounded ${CONCERN_STATUS_STYLE[status].bar}`} aria-hidden="true" />
          {CONCERN_STATUS_STYLE[status].label}
        </li>
      ))}
    </ul>
  );
}

export function ConcernStatusBadge({ status }: { status: ConcernStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs ${CONCERN_STATUS_STYLE[status].pill}`}>{CONCERN_STATUS_STYLE[status].label}</span>;
}
