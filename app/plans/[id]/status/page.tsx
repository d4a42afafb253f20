import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LivePlanActivity } from "@/components/live/live-plan-activity";
import { PlanSubpageHeader } from "@/components/plan/plan-subpage-header";
import { StatusBoard } from "@/components/plan/status-board";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import { countParagraphStatuses } from "@/lib/plan/count-paragraph-statuses";

export const metadata: Metadata = { title: "Status of paragraphs" };

type Props = { params: Promise<{ id: string }> };

export default async function StatusPage({ params }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/status`);
  authorizePage(user, "plan.read");
  const plan = await findPlanSummary({ planId: id });
  if (!plan) notFound();
  const sections = await countParagraphStatuses({ planId: id });
  return (
    <div className="space-y-8">
      <PlanSubpageHeader planId={id} planTitle={plan.title} heading="Status of paragraphs">
        <p className="max-w-3xl text-slate-700">
          How far each section is agreed. Facilitators mark a paragraph agreed ad ref (agreed subject to the rest of the
          text) or agreed; any change to its words puts it back to pending. A paragraph with open brackets cannot be
          agreed.
        </p>
        <LivePlanActivity planId={id} kind="status" noun="statuses" />
      </PlanSubpageHeader>
      <StatusBoard planId={id} sections={sections} />
    </div>
  );
}
