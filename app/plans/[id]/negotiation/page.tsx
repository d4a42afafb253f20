import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { DeadlinesForm } from "@/components/negotiation/deadlines-form";
import { IssueRevisionButton } from "@/components/negotiation/issue-revision-button";
import { RoundStatus } from "@/components/negotiation/round-status";
import { PlanSubpageHeader } from "@/components/plan/plan-subpage-header";
import { Time } from "@/components/ui/time";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { readPageParams } from "@/lib/http/path-params";
import { readNegotiation } from "@/lib/negotiation/read-negotiation";

export const metadata: Metadata = { title: "Negotiation" };

type Props = { params: Promise<{ id: string }> };

/** The rounds of consultations: the round under way with its deadlines, issuing the next revision, and every revision. */
export default async function NegotiationPage({ params }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/negotiation`);
  authorizePage(user, "plan.read");
  const negotiation = await readNegotiation({ viewer: user, planId: id });
  if (!negotiation) notFound();
  const { plan, round, revisions, abilities } = negotiation;
  const download = (label: string, format: "docx" | "pdf") =>
    `/api/plans/${plan.id}/export?format=${format}&version=${encodeURIComponent(label)}`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PlanSubpageHeader planId={plan.id} planTitle={plan.title} heading="Negotiation">
        <p className="text-sm text-slate-700">
          The text is negotiated in rounds of informal consultations. Delegations comment and propose amendments on the
          text of the round; the facilitators then issue a revision (Rev.1, Rev.2, …), which opens the next round.
          Pending amendments are carried over: those whose words are unchanged stay valid, the others become stale.
          After a round&apos;s deadline, new comments or amendments from delegations are no longer taken.
        </p>
      </PlanSubpageHeader>
      <section aria-labelledby="current-round" className="space-y-3">
        <h2 id="current-round" className="text-lg font-semibold">
          Current round
        </h2>
        <RoundStatus planId={plan.id} round={round} />
        {negotiation.textLock && (
          <p className="text-sm font-medium text-amber-900">
            {negotiation.textLock.state === "adopted"
              ? "The text was adopted under silence; issuing a revision opens a new round."
              : "The text is under a silence procedure."}
          </p>
        )}
        {abilities.canManage && (
          <>
            <DeadlinesForm
              planId={plan.id}
              commentDeadline={round.commentDeadline}
              amendmentDeadline={round.amendmentDeadline}
            />
            <IssueRevisionButton planId={plan.id} nextLabel={negotiation.nextRevisionLabel} />
          </>
        )}
      </section>
      <section aria-labelledby="revisions" className="space-y-3">
        <h2 id="revisions" className="text-lg font-semibold">
          Revisions
        </h2>
        {revisions.length === 0 ? (
          <p className="text-sm text-slate-700">No revision issued yet: the delegations work on the zero draft.</p>
        ) : (
          <ol className="space-y-2" aria-label="Revisions, newest first">
            {revisions.map((revision) => (
              <li
                key={revision.versionId}
                data-testid="revision"
                className="flex flex-wrap items-baseline gap-x-4 rounded border border-slate-200 bg-white p-3 text-sm"
              >
                <span className="font-semibold">{revision.label}</span>
                <Time date={revision.issuedAt} />
                <span className="text-slate-700">
                  opened round {revision.round}
                  {revision.issuedBy ? `, issued by ${revision.issuedBy}` : ""}
                </span>
                <a href={download(revision.label, "docx")} className="text-un-dark underline">
                  DOCX<span className="sr-only"> of {revision.label}</span>
                </a>
                <a href={download(revision.label, "pdf")} className="text-un-dark underline">
                  PDF<span className="sr-only"> of {revision.label}</span>
                </a>
                <Link
                  href={`/plans/${plan.id}/versions/${revision.versionId}/compilation`}
                  className="text-un-dark underline"
                >
                  Compilation of proposals<span className="sr-only"> on {revision.label}</span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
