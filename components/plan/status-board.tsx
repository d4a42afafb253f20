/**
 * The status board: one bar per section, as the coverage board draws its
 * groups, splitting its paragraphs into pending, agreed ad ref and agreed,
 * with the open brackets counted beside it. Each bar links to the section in
 * the plan; the numbers are in the text for screen readers.
 */
import { BarLegend, countAll, StackedBar } from "@/components/ui/stacked-bar";
import type { BarSegment } from "@/components/ui/stacked-bar";
import { PARAGRAPH_STATUSES } from "@/lib/plan/paragraph-statuses";
import type { TSectionStatusCounts, TStatusCounts } from "@/lib/plan/count-paragraph-statuses";
import { STATUS_STYLE } from "./paragraph-status-style";

function segmentsOf(counts?: TStatusCounts): BarSegment[] {
  return PARAGRAPH_STATUSES.map((status) => ({
    key: status,
    label: STATUS_STYLE[status].label.toLowerCase(),
    count: counts?.[status] ?? 0,
    colour: STATUS_STYLE[status].bar,
  }));
}

/** "2 pending, 1 agreed ad ref; 3 open brackets", or "no paragraphs". */
export function describeStatusCounts(counts: TStatusCounts): string {
  const parts = segmentsOf(counts)
    .filter((segment) => segment.count > 0)
    .map((segment) => `${segment.count} ${segment.label}`);
  const brackets = `${counts.brackets} open bracket${counts.brackets === 1 ? "" : "s"}`;
  return `${parts.join(", ") || "no paragraphs"}; ${brackets}`;
}

export function StatusBoard({ planId, sections }: { planId: string; sections: readonly TSectionStatusCounts[] }) {
  const total: TStatusCounts = { pending: 0, "agreed ad ref": 0, agreed: 0, brackets: 0 };
  for (const { counts } of sections)
    for (const key of Object.keys(total) as (keyof TStatusCounts)[]) total[key] += counts[key];
  return (
    <section aria-labelledby="status-at-a-glance" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="status-at-a-glance" className="font-semibold">
          At a glance
        </h2>
        <BarLegend segments={segmentsOf()} />
      </div>
      <p className="text-sm text-slate-700" data-testid="status-total">
        The whole text: {describeStatusCounts(total)}.
      </p>
      <ul className="space-y-3">
        {sections.map((section) => {
          const segments = segmentsOf(section.counts);
          return (
            <li
              key={section.id}
              className="grid grid-cols-[10rem_1fr] items-center gap-3 text-sm"
              data-testid="status-row"
            >
              <a href={`/plans/${planId}#${section.key}`} className="font-medium text-un-dark hover:underline">
                {section.title}
              </a>
              <div>
                <StackedBar segments={segments} />
                <p className="mt-0.5 text-xs text-slate-700">
                  {countAll(segments)} paragraphs: {describeStatusCounts(section.counts)}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
