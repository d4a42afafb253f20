import type { DialogueForReader } from "@/lib/dialogue/get-dialogue";
import { formatCount, formatSegmentLabel, SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";

type Bar = { key: string; label: string; count: number; unit: "statement" | "item" };

/**
 * The dialogue at a glance: how the floor was shared between sessions, and how
 * long each agreed list is. Each bar is a link to its part of the document.
 */
export function DialogueOverview({ dialogue }: { dialogue: DialogueForReader }) {
  const sessions: Bar[] = dialogue.segments.map((s) => ({
    key: s.key,
    label: formatSegmentLabel(s),
    count: s.statements.length,
    unit: "statement",
  }));
  const lists: Bar[] = SUMMARY_LISTS.map((list) => ({
    key: list,
    label: SUMMARY_LIST_TITLES[list],
    count: dialogue.summaryItems.filter((i) => i.list === list).length,
    unit: "item" as const,
  })).filter((bar) => bar.count > 0);
  return (
    <section aria-labelledby="overview-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="overview-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        At a glance
      </h2>
      <BarRow title="Statements per session" bars={sessions} colour="bg-un" />
      <BarRow title="Items per agreed list" bars={lists} colour="bg-amber-700" />
    </section>
  );
}

function BarRow({ title, bars, colour }: { title: string; bars: Bar[]; colour: string }) {
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  return (
    <div className="mt-3">
      <h3 className="text-sm text-slate-700">
        {title} <span className="text-slate-600">({total})</span>
      </h3>
      <ul className="mt-1 flex gap-1" aria-label={title}>
        {bars.map((bar) => (
          <li key={bar.key} style={{ flexGrow: bar.count, flexBasis: 0 }} className="min-w-24">
            <a
              href={`#${bar.key}`}
              className={`block rounded px-2 py-1 text-xs font-medium text-white ${colour} hover:opacity-90`}
              title={`${bar.label}: ${formatCount(bar.count, bar.unit)}`}
            >
              <span className="block truncate">{bar.label}</span>
              <span className="block text-[0.7rem]">{formatCount(bar.count, bar.unit)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
