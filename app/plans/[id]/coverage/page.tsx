import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ConcernBar } from "@/components/concerns/concern-bar";
import { CoverageBar, CoverageLegend, STATUS_STYLE } from "@/components/coverage/coverage-bar";
import { ExclusionControl } from "@/components/coverage/exclusion-control";
import { can } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { countConcerns } from "@/lib/concerns/count-concerns";
import { listConcerns } from "@/lib/concerns/list-concerns";
import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import type { CoverageEntry } from "@/lib/provenance/compute-coverage";
import { computeCoverage, countCoverage } from "@/lib/provenance/compute-coverage";
import { buildTraceabilityMatrix, listConcernAnswers } from "@/lib/provenance/traceability";

export const metadata: Metadata = { title: "Coverage" };

const ZFilter = z.object({
  status: z.enum(["covered", "suspect", "suggested", "excluded", "uncovered"]).optional().catch(undefined),
  group: z.enum([...SUMMARY_LISTS, "speakers", "delegations"]).optional().catch(undefined),
});

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TARGET_TYPE = { speakers: "speaker", delegations: "delegation" } as const;

export default async function CoveragePage({ params, searchParams }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/coverage`);
  authorizePage(user, "plan.read");
  const plan = await findPlanSummary({ planId: id });
  if (!plan) notFound();
  const filter = ZFilter.parse(await searchParams);
  const [coverage, concerns, matrix, register] = await Promise.all([
    computeCoverage({ planId: id }), listConcernAnswers({ planId: id }), buildTraceabilityMatrix({ viewer: user, planId: id }), listConcerns({ viewer: user, planId: id }),
  ]);
  const registerCounts = countConcerns(register);
  const canExclude = can(user, "provenance.confirm");
  const groups = [
    ...SUMMARY_LISTS.map((list) => ({ key: list, title: SUMMARY_LIST_TITLES[list], entries: coverage.lists[list], type: "summary-item" as const })),
    { key: "speakers" as const, title: "Speakers", entries: coverage.speakers, type: TARGET_TYPE.speakers },
    { key: "delegations" as const, title: "Delegations", entries: coverage.delegations, type: TARGET_TYPE.delegations },
  ].filter((g) => g.entries.length > 0);
  const shown = groups.filter((g) => !filter.group || g.key === filter.group);
  const filterHref = (change: Partial<z.infer<typeof ZFilter>>) => {
    const next = new URLSearchParams(Object.entries({ ...filter, ...change }).filter(([, v]) => v) as [string, string][]);
    return `/plans/${id}/coverage${next.size ? `?${next}` : ""}`;
  };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm"><Link href={`/plans/${id}`} className="text-un-dark underline">← {plan.title}</Link></p>
        <h1 className="text-2xl font-semibold">Coverage of the dialogue</h1>
        <p className="max-w-3xl text-slate-700">
          Which points of the dialogue the draft reflects. A point is covered when a confirmed source links it to the plan,
          suspect when its confirmed source needs a re-check because the passage or the source changed since,
          suggested when only suggestions do, excluded when a facilitator has recorded why it is left out.
        </p>
      </header>

      <section aria-labelledby="at-a-glance" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="at-a-glance" className="font-semibold">At a glance</h2>
          <CoverageLegend />
        </div>
        {groups.map((g) => <CoverageBar key={g.key} title={g.title} counts={countCoverage(g.entries)} href={filterHref({ group: g.key })} />)}
      </section>

      <section aria-labelledby="register-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="coverage-concern-register">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="register-title" className="font-semibold">Concern register</h2>
          <Link href={`/plans/${id}/concerns`} className="text-sm font-medium text-un-dark underline">Open the concern register</Link>
        </div>
        <ConcernBar counts={registerCounts} />
        {registerCounts.raised > 0 && (
          <p className="text-sm text-slate-700">
            Still raised: {register.filter((c) => c.status === "raised").map((c, i) => (
              <span key={c.id}>{i > 0 && ", "}<Link href={`/plans/${id}/concerns#concern-${c.number}`} className="text-un-dark underline">#{c.number}</Link></span>
            ))}
          </p>
        )}
      </section>

      <section aria-labelledby="concerns-title" className="space-y-2">
        <h2 id="concerns-title" className="text-xl font-semibold">Concerns and the passages that answer them</h2>
        <ul className="space-y-2">
          {concerns.map((concern) => (
            <li key={concern.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <p><span className="font-mono text-xs">{concern.key}</span> {concern.text}</p>
              <p className="mt-1 text-slate-700">
                {concern.links.length === 0 ? <strong className="text-red-800">No passage answers this concern yet.</strong> : "Answered in: "}
                {concern.links.map((link, i) => (
                  <span key={link.id}>
                    {i > 0 && ", "}
                    <Link href={`/plans/${id}#${link.blockId ? `passage-${link.blockId}` : link.section.key}`} className="text-un-dark underline">{link.section.title}</Link>
                    {link.status === "suggested" && " (suggested)"}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="points-title" className="space-y-3">
        <h2 id="points-title" className="text-xl font-semibold">Every point</h2>
        <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
          <span className="text-slate-700">Status:</span>
          {(["all", "covered", "suspect", "suggested", "excluded", "uncovered"] as const).map((status) => {
            const isCurrent = (filter.status ?? "all") === status;
            return (
              <Link key={status} href={filterHref({ status: status === "all" ? undefined : status })} aria-current={isCurrent ? "true" : undefined}
                className={`rounded px-2 py-0.5 ${isCurrent ? "bg-un text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}>
                {status === "all" ? "all" : STATUS_STYLE[status].label}
              </Link>
            );
          })}
          {filter.group && <Link href={filterHref({ group: undefined })} className="ml-2 underline">show all groups</Link>}
        </nav>
        {shown.map((g) => {
          const entries = g.entries.filter((e) => !filter.status || e.status === filter.status);
          return (
            <section key={g.key} aria-labelledby={`group-${g.key}`}>
              <h3 id={`group-${g.key}`} className="font-semibold">{g.title} <span className="text-sm font-normal text-slate-600">({entries.length})</span></h3>
              <ul className="mt-1 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
                {entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} planId={id} dialogueId={plan.dialogueId} type={g.type} canExclude={canExclude} />
                ))}
                {entries.length === 0 && <li className="p-2 text-sm text-slate-600">Nothing with this status.</li>}
              </ul>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="matrix-title" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="matrix-title" className="text-xl font-semibold">Traceability matrix</h2>
          <a href={`/api/plans/${id}/traceability`} className="rounded bg-un px-3 py-1 text-sm font-medium text-white hover:bg-un-dark" download>
            Download CSV
          </a>
        </div>
        <div className="overflow-x-auto">
          <table className="border-collapse text-xs">
            <caption className="sr-only">Summary items (rows) by plan sections (columns): C confirmed, S suggested</caption>
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left">Item</th>
                {matrix.sections.map((s) => (
                  <th key={s.id} scope="col" className="h-32 p-1 align-bottom"><span className="block w-4 rotate-180 [writing-mode:vertical-rl]">{s.title}</span></th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map(({ item, cells }) => (
                <tr key={item.id}>
                  <th scope="row" className="p-1 text-left font-mono font-normal" title={item.text}>{item.key}</th>
                  {cells.map((cell, i) => (
                    <td key={i} className={`h-5 w-5 border border-white text-center ${cell === "confirmed" ? "bg-emerald-700 text-white" : cell === "suggested" ? "bg-amber-200 text-amber-950" : "bg-slate-100"}`}>
                      {cell === "confirmed" ? "C" : cell === "suggested" ? "S" : <span className="sr-only">none</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function EntryRow({ entry, planId, dialogueId, type, canExclude }: {
  entry: CoverageEntry; planId: string; dialogueId: string; type: "summary-item" | "speaker" | "delegation"; canExclude: boolean;
}) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 p-2 text-sm" data-testid={`coverage-${entry.key}`}>
      <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[entry.status].pill}`}>{STATUS_STYLE[entry.status].label}</span>
      <a href={`/dialogues/${dialogueId}#${entry.key}`} className="font-mono text-xs text-un-dark underline">{entry.key}</a>
      <span className="min-w-0 flex-1">{entry.label}</span>
      {entry.exclusionReason && <span className="w-full text-xs text-slate-700">Excluded: {entry.exclusionReason}</span>}
      {canExclude && entry.status !== "covered" && (
        <ExclusionControl planId={planId} target={{ targetType: type, targetId: entry.id }} label={entry.key} isExcluded={entry.status === "excluded"} />
      )}
    </li>
  );
}
