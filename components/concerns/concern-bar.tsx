import { BarLegend, countAll, StackedBar } from "@/components/ui/stacked-bar";
import type { BarSegment } from "@/components/ui/stacked-bar";
import type { ConcernCounts } from "@/lib/concerns/count-concerns";
import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/components/ui/badge";

type ConcernStatus = keyof ConcernCounts;

export const CONCERN_STATUS_STYLE: Record<ConcernStatus, { label: string; bar: string; tone: BadgeTone }> = {
  addressed: { label: "addressed", bar: "bg-emerald-700", tone: "success" },
  noted: { label: "noted", bar: "bg-slate-500", tone: "muted" },
  raised: { label: "raised", bar: "bg-red-600", tone: "danger" },
};

const ORDER: ConcernStatus[] = ["addressed", "noted", "raised"];

function segmentsOf(counts?: ConcernCounts): BarSegment[] {
  return ORDER.map((status) => ({
    key: status,
    label: CONCERN_STATUS_STYLE[status].label,
    count: counts?.[status] ?? 0,
    colour: CONCERN_STATUS_STYLE[status].bar,
  }));
}

/** The register as one stacked bar, so open concerns show at a glance; the numbers are in the text for screen readers. */
export function ConcernBar({ counts, label = "Concerns" }: { counts: ConcernCounts; label?: string }) {
  const segments = segmentsOf(counts);
  return (
    <div className="space-y-1 text-sm" data-testid="concern-bar">
      <StackedBar segments={segments} />
      <p className="text-xs text-slate-700">
        {label}: {countAll(segments)} in all — {segments.map((s) => `${s.count} ${s.label}`).join(", ")}
      </p>
    </div>
  );
}

export function ConcernLegend() {
  return <BarLegend segments={segmentsOf()} />;
}

export function ConcernStatusBadge({ status }: { status: ConcernStatus }) {
  return (
    <Badge tone={CONCERN_STATUS_STYLE[status].tone} className="text-xs">
      {CONCERN_STATUS_STYLE[status].label}
    </Badge>
  );
}
