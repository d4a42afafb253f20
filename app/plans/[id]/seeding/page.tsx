import type { Metadata } from "next";
import { PlanSubpageHeader } from "@/components/plan/plan-subpage-header";
import { notFound } from "next/navigation";
import { SeedingReportTable } from "@/components/plan/seeding-report-table";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import { readSeedingReport } from "@/lib/plan/seeding-report";

export const metadata: Metadata = { title: "Seeding report" };

type Props = { params: Promise<{ id: string }> };

/** How the first draft was seeded: every list item of the dialogue, where it went and why. Anyone who reads the plan. */
export default async function SeedingReportPage({ params }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/seeding`);
  authorizePage(user, "plan.read");
  if (!(await findPlanSummary({ planId: id }))) notFound();
  const report = await readSeedingReport({ planId: id });
  const { placed, fell_back: fellBack, not_placed: notPlaced } = report.counts;
  return (
    <div className="space-y-6">
      <PlanSubpageHeader planId={id} planTitle={report.title} heading="Seeding report">
        <p className="max-w-3xl text-slate-700">
          The first draft was seeded from the dialogue with the template <strong>{report.templateName}</strong>. Each
          list item went to the sections its words point to: a key phrase of the section, else the section its text is
          most similar to. A “should” item or a concern that matched nothing fell back to the last section, to be placed
          by hand; items of the other lists go only where they fit.
        </p>
        <p role="status" className="text-slate-800">
          {placed} placed, {fellBack} fell back, {notPlaced} in no section.
        </p>
      </PlanSubpageHeader>
      <SeedingReportTable report={report} />
    </div>
  );
}
