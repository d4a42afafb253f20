/**
 * The seeding report as a table: each list item, the sections it went to and
 * how it was matched. Items that fell back, or found no section, are
 * highlighted and counted first, since they are what a facilitator must place.
 */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/components/ui/badge";
import { BarLegend, StackedBar } from "@/components/ui/stacked-bar";
import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { ReportRow, SeedingReport } from "@/lib/plan/seeding-report";

const STATES: Record<ReportRow["state"], { label: string; tone: BadgeTone; colour: string }> = {
  placed: { label: "Placed", tone: "success", colour: "bg-emerald-600" },
  fell_back: { label: "Fell back", tone: "warning", colour: "bg-amber-500" },
  not_placed: { label: "No section", tone: "muted", colour: "bg-slate-400" },
};

const METHODS: Record<string, string> = {
  list: "whole list",
  key_phrase: "key phrase",
  similarity: "similarity",
  fallback: "fallback",
};

export function SeedingReportTable({ report }: { report: SeedingReport }) {
  const segments = (Object.keys(STATES) as ReportRow["state"][]).map((state) => ({
    key: state,
    label: STATES[state].label,
    count: report.counts[state],
    colour: STATES[state].colour,
  }));
  return (
    <section aria-labelledby="seeding-table" className="space-y-3">
      <h2 id="seeding-table" className="text-lg font-semibold">
        Where each list item went
      </h2>
      <StackedBar segments={segments} />
      <BarLegend segments={segments} withCounts />
      <table className="w-full border-collapse text-sm" data-testid="seeding-report">
        <caption className="sr-only">Each list item of the dialogue, the sections seeding put it in, and how</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-2 pr-3">
              List item
            </th>
            <th scope="col" className="py-2 pr-3">
              Sections
            </th>
            <th scope="col" className="py-2">
              How it was matched
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <ReportTableRow key={row.itemId} planId={report.planId} row={row} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ReportTableRow({ planId, row }: { planId: string; row: ReportRow }) {
  const state = STATES[row.state];
  const highlight = row.state === "placed" ? "" : row.state === "fell_back" ? "bg-amber-50" : "bg-slate-50";
  return (
    <tr className={`border-b border-slate-200 align-top ${highlight}`} data-state={row.state}>
      <td className="py-2 pr-3">
        <span className="block text-xs text-slate-700">
          {SUMMARY_LIST_TITLES[row.list]} {row.n}
        </span>
        {row.text}
      </td>
      <td className="py-2 pr-3">
        {row.placements.length ? (
          <ul>
            {row.placements.map((p) => (
              <li key={p.sectionKey}>
                <Link href={`/plans/${planId}#${p.sectionKey}`} className="text-un-dark underline">
                  {p.sectionTitle}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-700">none: it fits no section</span>
        )}
      </td>
      <td className="py-2">
        <Badge tone={state.tone}>{state.label}</Badge>
        <ul className="mt-1 text-xs text-slate-700">
          {row.placements.map((p) => (
            <li key={p.sectionKey}>
              {METHODS[p.method]}: {p.evidence}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
