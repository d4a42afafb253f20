import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AmendmentList } from "@/components/amendments/amendment-list";
import { AmendmentStateBar } from "@/components/amendments/state-bar";
import { LivePlanActivity } from "@/components/live/live-plan-activity";
import type { AmendmentView } from "@/components/amendments/use-amendments";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { AMENDMENT_STATES } from "@/lib/amendments/schemas";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { presentPlanViewer } from "@/lib/auth/policies";
import { readPageParams } from "@/lib/http/path-params";
import { getPlanOutline } from "@/lib/plan/get-plan";
import { FilterForm, toDelegationOptions, toOptions } from "@/components/ui/filter-form";

export const metadata: Metadata = { title: "Amendments" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Unknown filter values are ignored rather than refused: a stale bookmark still opens the page.
const ZFilters = z.object({
  section: z.string().max(100).optional().catch(undefined),
  delegation: z.string().max(200).optional().catch(undefined),
  state: z.enum(AMENDMENT_STATES).optional().catch(undefined),
});

export default async function AmendmentsPage({ params, searchParams }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/amendments`);
  authorizePage(user, "plan.read");
  const plan = await getPlanOutline({ planId: id });
  if (!plan) notFound();
  const filters = ZFilters.parse(await searchParams);
  const all = await listAmendments({ viewer: user, planId: id });
  const counts = Object.fromEntries(
    AMENDMENT_STATES.map((state) => [state, all.filter((a) => a.state === state).length]),
  ) as Record<(typeof AMENDMENT_STATES)[number], number>;
  const shown = all.filter(
    (a) =>
      (!filters.section || a.section.key === filters.section) &&
      (!filters.delegation || a.delegation?.id === filters.delegation) &&
      (!filters.state || a.state === filters.state),
  );
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/plans/${plan.id}`} className="text-un-dark underline">
            {plan.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Amendments</h1>
        <p className="text-sm text-slate-700">
          Delegations propose amendments on selected text in the plan; other delegations co-sponsor them, and
          facilitators accept or reject them. A pending amendment is <strong>stale</strong> when the text it targets has
          changed since it was proposed.
        </p>
        <LivePlanActivity planId={plan.id} kind="amendments" noun="amendments" />
      </header>
      <AmendmentStateBar counts={counts} />
      <FilterForm
        label="Filter amendments"
        fields={[
          {
            name: "section",
            label: "Section",
            value: filters.section,
            anyLabel: "all sections",
            options: plan.sections.map((s) => ({ value: s.key, label: s.title })),
          },
          {
            name: "delegation",
            label: "Delegation",
            value: filters.delegation,
            anyLabel: "all delegations",
            options: toDelegationOptions(all),
          },
          {
            name: "state",
            label: "Status",
            value: filters.state,
            anyLabel: "any status",
            options: toOptions(AMENDMENT_STATES),
          },
        ]}
      />
      <p className="text-sm text-slate-700" role="status">
        {shown.length} of {all.length} amendments shown.
      </p>
      <AmendmentList
        amendments={JSON.parse(JSON.stringify(shown)) as AmendmentView[]}
        total={all.length}
        planId={plan.id}
        viewer={presentPlanViewer(user)}
      />
    </div>
  );
}
