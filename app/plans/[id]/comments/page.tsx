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
import { FilterForm, toDelegationOptions, toOptions } from "@/components/ui/filter-form";
import { THREAD_STANCES, THREAD_STATUSES } from "@/lib/comments/thread-values";

export const metadata: Metadata = { title: "Comments" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Unknown filter values are ignored rather than refused: a stale bookmark still opens the page.
const ZFilters = z.object({
  section: z.string().max(100).optional().catch(undefined),
  delegation: z.string().max(200).optional().catch(undefined),
  status: z.enum(THREAD_STATUSES).optional().catch(undefined),
  stance: z.enum(THREAD_STANCES).optional().catch(undefined),
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
  const shown = all.filter(
    (t) =>
      (!filters.section || t.section.key === filters.section) &&
      (!filters.delegation || t.delegation?.id === filters.delegation) &&
      (!filters.status || t.status === filters.status) &&
      (!filters.stance || t.stance === filters.stance),
  );
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/plans/${plan.id}`} className="text-un-dark underline">
            {plan.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Comments</h1>
        <p className="text-sm text-slate-700">
          Every comment thread on the draft. To comment, select text in the plan.
        </p>
        <LivePlanActivity planId={plan.id} kind="threads" noun="comments" />
      </header>
      <FilterForm
        label="Filter comments"
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
            name: "status",
            label: "Status",
            value: filters.status,
            anyLabel: "open and resolved",
            options: toOptions(THREAD_STATUSES),
          },
          {
            name: "stance",
            label: "Stance",
            value: filters.stance,
            anyLabel: "any stance",
            options: toOptions(THREAD_STANCES),
          },
        ]}
      />
      <p className="text-sm text-slate-700" role="status">
        {shown.length} of {all.length} threads shown.
      </p>
      <ThreadList
        threads={JSON.parse(JSON.stringify(shown)) as ThreadView[]}
        total={all.length}
        planId={plan.id}
        viewerId={user.id}
      />
    </div>
  );
}
