import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ConcernBar } from "@/components/concerns/concern-bar";
import { ConcernAnswers } from "@/components/coverage/concern-answers";
import { CoverageBar, CoverageLegend } from "@/components/coverage/coverage-bar";
import { CoveragePoints } from "@/components/coverage/coverage-points";
import { TraceabilityMatrix } from "@/components/coverage/traceability-matrix";
import { LivePlanActivity } from "@/components/live/live-plan-activity";
import { can } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { countConcerns } from "@/lib/concerns/count-concerns";
import { listConcerns } from "@/lib/concerns/list-concerns";
import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import { computeCoverage, countCoverage } from "@/lib/provenance/compute-coverage";
import { COVERAGE_STATUSES } from "@/lib/provenance/coverage-status";
import { buildTraceabilityMatrix, listConcernAnswers } from "@/lib/provenance/traceability";

export const metadata: Metadata = { title: "Coverage" };

const ZFilter = z.object({
  status: z.enum(COVERAGE_STATUSES).optional().catch(undefined),
  group: z
    .enum([...SUMMARY_LISTS, "speakers", "delegations"])
    .optional()
    .catch(undefined),
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
    computeCoverage({ planId: id }),
    listConcernAnswers({ planId: id }),
    buildTraceabilityMatrix({ viewer: user, planId: id }),
    listConcerns({ viewer: user, planId: id }),
  ]);
  const registerCounts = countConcerns(register);
  const canExclude = can(user, "provenance.confirm");
  const groups = [
    ...SUMMARY_LISTS.map((list) => ({
      key: list,
      title: SUMMARY_LIST_TITLES[list],
      entries: coverage.lists[list],
      type: "summary-item" as const,
    })),
    { key: "speakers" as const, title: "Speakers", entries: coverage.speakers, type: TARGET_TYPE.speakers },
    { key: "delegations" as const, title: "Delegations", entries: coverage.delegations, type: TARGET_TYPE.delegations },
  ].filter((g) => g.entries.length > 0);
  const shown = groups.filter((g) => !filter.group || g.key === filter.group);
  const filterHref = (change: Partial<z.infer<typeof ZFilter>>) => {
    const next = new URLSearchParams(
      Object.entries({ ...filter, ...change }).filter(([, v]) => v) as [string, string][],
    );
    return `/plans/${id}/coverage${next.size ? `?${next}` : ""}`;
  };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/plans/${id}`} className="text-un-dark underline">
            ← {plan.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Coverage of the dialogue</h1>
        <p className="max-w-3xl text-slate-700">
          Which points of the dialogue the draft reflects. A point is covered when a confirmed source links it to the
          plan, suspect when its confirmed source needs a re-check because the passage or the source changed since,
          suggested when only suggestions do, excluded when a facilitator has recorded why it is left out.
        </p>
        <LivePlanActivity planId={id} kind="links" noun="sources" />
      </header>

      <section aria-labelledby="at-a-glance" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="at-a-glance" className="font-semibold">
            At a glance
          </h2>
          <CoverageLegend />
        </div>
        {groups.map((g) => (
          <CoverageBar
            key={g.key}
            title={g.title}
            counts={countCoverage(g.entries)}
            href={filterHref({ group: g.key })}
          />
        ))}
      </section>

      <section
        aria-labelledby="register-title"
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        data-testid="coverage-concern-register"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="register-title" className="font-semibold">
            Concern register
          </h2>
          <Link href={`/plans/${id}/concerns`} className="text-sm font-medium text-un-dark underline">
            Open the concern register
          </Link>
        </div>
        <ConcernBar counts={registerCounts} />
        {registerCounts.raised > 0 && (
          <p className="text-sm text-slate-700">
            Still raised:{" "}
            {register
              .filter((c) => c.status === "raised")
              .map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ", "}
                  <Link href={`/plans/${id}/concerns#concern-${c.number}`} className="text-un-dark underline">
                    #{c.number}
                  </Link>
                </span>
              ))}
          </p>
        )}
      </section>

      <ConcernAnswers planId={id} concerns={concerns} />

      <CoveragePoints
        planId={id}
        dialogueId={plan.dialogueId}
        groups={shown}
        status={filter.status}
        canExclude={canExclude}
        filterHref={filterHref}
        isOneGroup={Boolean(filter.group)}
      />

      <TraceabilityMatrix planId={id} matrix={matrix} />
    </div>
  );
}
