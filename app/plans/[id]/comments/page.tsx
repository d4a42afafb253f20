import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ThreadList } from "@/components/comments/thread-list";
import { LivePlanActivity } from "@/components/live/live-plan-activity";
import type { ThreadView } from "@/components/comments/use-threads";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { listThreads } from "@/lib/comments/list-threads";
import { readPageParams } from "@/lib/http/path-params";
import { getPlanOutline } from "@/lib/plan/get-plan";

export const metadata: Metadata = { title: "Comments" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STANCES = ["support", "oppose", "question", "neutral"] as const;
// Unknown filter values are ignored rather than refused: a stale bookmark still opens the page.
const ZFilters = z.object({
  section: z.string().max(100).optional().catch(undefined),
  delegation: z.string().max(200).optional().catch(undefined),
  status: z.enum(["open", "resolved"]).optional().catch(undefined),
  stance: z.enum(STANCES).optional().catch(undefined),
});

/** Every comment thread of the plan the viewer may see, filterable by section, delegation, status and stance. */
export default async function CommentsPage({ params, searchParams }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/comments`);
  authorizePage(user, "plan.read");
  const plan = await getPlanOutline({ planId: id });
  if (!plan) notFound();
  const filters = ZFilters.parse(await searchParams);
  const all = await listThreads({ viewer: user, planId: id });
  const delegations = [...new Map(all.filter((t) => t.delegation).map((t) => [t.delegation!.id, t.delegation!.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = all.filter((t) =>
    (!filters.section || t.section.key === filters.section) && (!filters.delegation || t.delegation?.id === filters.delegation)
    && (!filters.status || t.status === filters.status) && (!filters.stance || t.stance === filters.stance));
  const select = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm"><Link href={`/plans/${plan.id}`} className="text-un-dark underline">{plan.title}</Link></p>
        <h1 className="text-2xl font-semibold">Comments</h1>
        <p className="text-sm text-slate-700">Every comment thread on the draft. To comment, select text in the plan.</p>
        <LivePlanActivity planId={plan.id} kind="threads" noun="comments" />
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter comments">
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
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">open and resolved</option>
            <option value="open">open</option>
            <option value="resolved">resolved</option>
          </select>
        </label>
        <label className="flex flex-col">Stance
          <select name="stance" defaultValue={filters.stance ?? ""} className={select}>
            <option value="">any stance</option>
            {STANCES.map((stance) => <option key={stance} value={stance}>{stance}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-un-dark px-3 py-1 font-medium text-white hover:bg-un">Filter</button>
      </form>
      <p className="text-sm text-slate-700" role="status">{shown.length} of {all.length} threads shown.</p>
      <ThreadList threads={JSON.parse(JSON.stringify(shown)) as ThreadView[]} total={all.length} planId={plan.id} />
    </div>
  );
}
