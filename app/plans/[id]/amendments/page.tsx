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
import { presentPlanAbilities } from "@/lib/auth/policies";
import { readPageParams } from "@/lib/http/path-params";
import { getPlanOutline } from "@/lib/plan/get-plan";

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
  const counts = Object.fromEntries(AMENDMENT_STATES.map((state) => [state, all.filter((a) => a.state === state).length])) as Record<(typeof AMENDMENT_STATES)[number], number>;
  const delegations = [...new Map(all.filter((a) => a.delegation).map((a) => [a.delegation!.id, a.delegation!.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = all.filter((a) =>
    (!filters.section || a.section.key === filters.section) && (!filters.delegation || a.delegation?.id === filters.delegation) && (!filters.state || a.state === filters.state));
  const select = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm"><Link href={`/plans/${plan.id}`} className="text-un-dark underline">{plan.title}</Link></p>
        <h1 className="text-2xl font-semibold">Amendments</h1>
        <p className="text-sm text-slate-700">
          Delegations propose amendments on selected text in the plan; other delegations co-sponsor them, and facilitators accept or reject them.
          A pending amendment is <strong>stale</strong> when the text it targets has changed since it was proposed.
        </p>
        <LivePlanActivity planId={plan.id} kind="amendments" noun="amendments" />
      </header>
      <AmendmentStateBar counts={counts} />
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter amendments">
        <label className="flex flex-col">Section
          <select name="section" defaultValue={filters.section ?? ""} className={select}>
            <option value="">all sections</option>
            {plan.sections.map((s) => <option key={s.key} value={s.key}>{s.title}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Delegation
          <select name="delegation" defaultValue={filters.delegation ?? ""} className={select}>
            <option value="">all delegations</option>
            {delegations.map(([delegationId, name]) => <option key={delegationId} value={delegationId}>{name}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Status
          <select name="state" defaultValue={filters.state ?? ""} className={select}>
            <option value="">any status</option>
            {AMENDMENT_STATES.map((state) => <option key={state} value={state}>{state}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-un-dark px-3 py-1 font-medium text-white hover:bg-un">Filter</button>
      </form>
      <p className="text-sm text-slate-700" role="status">{shown.length} of {all.length} amendments shown.</p>
      <AmendmentList amendments={JSON.parse(JSON.stringify(shown)) as AmendmentView[]} total={all.length} planId={plan.id} viewer={{ delegationId: user.delegationId, abilities: presentPlanAbilities(user) }} />
    </div>
  );
}
