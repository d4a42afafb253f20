import type { Metadata } from "next";
import { PlanSubpageHeader } from "@/components/plan/plan-subpage-header";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ConcernAnswers } from "@/components/coverage/concern-answers";
import { CoverageAtAGlance } from "@/components/coverage/coverage-at-a-glance";
import { COVERAGE_GROUP_KEYS, toCoverageGroups } from "@/components/coverage/coverage-groups";
import { CoveragePoints } from "@/components/coverage/coverage-points";
import { RegisterSummary } from "@/components/coverage/register-summary";
import { TraceabilityMatrix } from "@/components/coverage/traceability-matrix";
import { LivePlanActivity } from "@/components/live/live-plan-activity";
import { can } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { listConcerns } from "@/lib/concerns/list-concerns";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import { computeCoverage } from "@/lib/provenance/compute-coverage";
import { COVERAGE_STATUSES } from "@/lib/provenance/coverage-status";
import { buildTraceabilityMatrix, listConcernAnswers } from "@/lib/provenance/traceability";

export const metadata: Metadata = { title: "Coverage" };

const ZFilter = z.object({
  status: z.enum(COVERAGE_STATUSES).optional().catch(undefined),
  group: z.enum(COVERAGE_GROUP_KEYS).optional().catch(undefined),
});
type TFilter = z.infer<typeof ZFilter>;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

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
  const groups = toCoverageGroups(coverage);
  const filterHref = (change: Partial<TFilter>) => toFilterHref(id, { ...filter, ...change });

  return (
    <div className="space-y-8">
      <PlanSubpageHeader planId={id} planTitle={plan.title} heading="Coverage of the dialogue">
        <p className="max-w-3xl text-slate-700">
          Which points of the dialogue the draft reflects. A point is covered when a confirmed source links it to the
          plan, suspect when its confirmed source needs a re-check because the passage or the source changed since,
          suggested when only suggestions do, excluded when a facilitator has recorded why it is left out.
        </p>
        <LivePlanActivity planId={id} kind="links" noun="sources" />
      </PlanSubpageHeader>
      <CoverageAtAGlance groups={groups} hrefOf={(g) => filterHref({ group: g.key })} />
      <RegisterSummary planId={id} register={register} />
      <ConcernAnswers planId={id} concerns={concerns} />
      <CoveragePoints
        planId={id}
        dialogueId={plan.dialogueId}
        groups={groups.filter((g) => !filter.group || g.key === filter.group)}
        status={filter.status}
        canExclude={can(user, "provenance.confirm")}
        filterHref={filterHref}
        isOneGroup={Boolean(filter.group)}
      />
      <TraceabilityMatrix planId={id} matrix={matrix} />
    </div>
  );
}

/** The board's address with these filters; the ones left unset are left out. */
function toFilterHref(planId: string, filter: TFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  return `/plans/${planId}/coverage${query.size ? `?${query}` : ""}`;
}
