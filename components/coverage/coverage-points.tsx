import Link from "next/link";
import type { CoverageEntry } from "@/lib/provenance/compute-coverage";
import { COVERAGE_STATUSES } from "@/lib/provenance/coverage-status";
import type { CoverageStatus } from "@/lib/provenance/coverage-status";
import { countCoverage } from "@/lib/provenance/compute-coverage";
import { describeCoverage, STATUS_STYLE } from "./coverage-bar";
import { ExclusionControl } from "./exclusion-control";
import { Badge } from "@/components/ui/badge";

type TargetType = "summary-item" | "speaker" | "delegation";
export type CoverageGroup = { key: string; title: string; entries: CoverageEntry[]; type: TargetType };

type Props = {
  planId: string;
  dialogueId: string;
  groups: readonly CoverageGroup[];
  status: CoverageStatus | undefined;
  canExclude: boolean;
  /** The board's URL with a filter changed. */
  filterHref: (change: { status?: CoverageStatus; group?: undefined }) => string;
  /** Whether one group was chosen, so "show all groups" is offered. */
  isOneGroup: boolean;
};

/** Every point of the dialogue, by group, filterable by status; facilitators exclude a point from here. */
export function CoveragePoints({ planId, dialogueId, groups, status, canExclude, filterHref, isOneGroup }: Props) {
  return (
    <section aria-labelledby="points-title" className="space-y-3">
      <h2 id="points-title" className="text-xl font-semibold">
        Every point
      </h2>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        <span className="text-slate-700">Status:</span>
        {(["all", ...COVERAGE_STATUSES] as const).map((option) => {
          const isCurrent = (status ?? "all") === option;
          return (
            <Link
              key={option}
              href={filterHref({ status: option === "all" ? undefined : option })}
              aria-current={isCurrent ? "true" : undefined}
              className={`rounded px-2 py-0.5 ${isCurrent ? "bg-un text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
            >
              {option === "all" ? "all" : STATUS_STYLE[option].label}
            </Link>
          );
        })}
        {isOneGroup && (
          <Link href={filterHref({ group: undefined })} className="ml-2 underline">
            show all groups
          </Link>
        )}
      </nav>
      {groups.map((g) => (
        <PointGroup
          key={g.key}
          group={g}
          entries={g.entries.filter((e) => !status || e.status === status)}
          isOpen={isOneGroup || g.entries.length <= LONG_GROUP}
          planId={planId}
          dialogueId={dialogueId}
          canExclude={canExclude}
        />
      ))}
    </section>
  );
}

/**
 * A group longer than this starts folded (the annex's 54 delegations would
 * push everything else off the page); its heading still gives the count, and
 * choosing the group in the filter opens it.
 */
const LONG_GROUP = 15;

function PointGroup({
  group,
  entries,
  isOpen,
  planId,
  dialogueId,
  canExclude,
}: {
  group: CoverageGroup;
  entries: CoverageEntry[];
  isOpen: boolean;
  planId: string;
  dialogueId: string;
  canExclude: boolean;
}) {
  return (
    <details open={isOpen} className="rounded border border-slate-200 bg-white" data-testid={`points-${group.key}`}>
      <summary className="cursor-pointer p-2">
        <h3 className="inline font-semibold">
          {group.title} <span className="text-sm font-normal text-slate-700">({entries.length})</span>
        </h3>{" "}
        <span className="text-sm text-slate-700">{describeCoverage(countCoverage(entries))}</span>
      </summary>
      <ul className="divide-y divide-slate-200 border-t border-slate-200">
        {entries.map((entry) => (
          <EntryRow
            key={entry.id}
            entry={entry}
            planId={planId}
            dialogueId={dialogueId}
            type={group.type}
            canExclude={canExclude}
          />
        ))}
        {entries.length === 0 && <li className="p-2 text-sm text-slate-600">Nothing with this status.</li>}
      </ul>
    </details>
  );
}

function EntryRow({
  entry,
  planId,
  dialogueId,
  type,
  canExclude,
}: {
  entry: CoverageEntry;
  planId: string;
  dialogueId: string;
  type: TargetType;
  canExclude: boolean;
}) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 p-2 text-sm" data-testid={`coverage-${entry.key}`}>
      <Badge tone={STATUS_STYLE[entry.status].tone} className="text-xs">
        {STATUS_STYLE[entry.status].label}
      </Badge>
      <a href={`/dialogues/${dialogueId}#${entry.key}`} className="font-mono text-xs text-un-dark underline">
        {entry.key}
      </a>
      <span className="min-w-0 flex-1">{entry.label}</span>
      {entry.exclusionReason && (
        <span className="w-full text-xs text-slate-700">Excluded: {entry.exclusionReason}</span>
      )}
      {canExclude && entry.status !== "covered" && (
        <ExclusionControl
          planId={planId}
          target={{ targetType: type, targetId: entry.id }}
          label={entry.key}
          isExcluded={entry.status === "excluded"}
        />
      )}
    </li>
  );
}
