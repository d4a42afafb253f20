import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollabSession } from "@/components/editor/collab-session";
import { DelegationChoices } from "@/components/editor/delegation-choices";
import { ParagraphNumbering } from "@/components/editor/paragraph-numbering";
import { LivePlanActivity } from "@/components/live/live-plan-activity";
import { ExportMenu } from "@/components/plan/export-menu";
import { PlanSponsors } from "@/components/plan/plan-sponsors";
import { ArrangeSections } from "@/components/plan/structure/arrange-sections";
import { SilenceBanner } from "@/components/negotiation/silence-banner";
import { ResetPlanButton } from "@/components/plan/reset-plan-button";
import { SectionView } from "@/components/plan/section-view";
import { RoundStatus } from "@/components/negotiation/round-status";
import { can, presentPlanViewer } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { collabPublicUrl } from "@/lib/collab/collab-url";
import { colourForUser } from "@/lib/collab/user-colour";
import { readSectionParagraphs } from "@/lib/editor/numbered-sections";
import { numberParagraphs } from "@/lib/editor/passages";
import { readPageParams } from "@/lib/http/path-params";
import { readSilencePanel } from "@/lib/negotiation/read-silence";
import { getPlan } from "@/lib/plan/get-plan";
import { listPlanSponsors, listSponsorChoices } from "@/lib/plan/list-plan-sponsors";
import { toDelegationChoices } from "@/lib/users/delegation-label";
import { listPlanDelegations } from "@/lib/plan/list-plan-delegations";
import { listParagraphStatuses } from "@/lib/plan/list-paragraph-statuses";
import { readNegotiation } from "@/lib/negotiation/read-negotiation";

export const metadata: Metadata = { title: "Draft plan" };

type Props = { params: Promise<{ id: string }> };

export default async function PlanPage({ params }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}`);
  authorizePage(user, "plan.read");
  const [plan, negotiation] = await Promise.all([
    getPlan({ planId: id }),
    readNegotiation({ viewer: user, planId: id }),
  ]);
  if (!plan || !negotiation) notFound();
  const canDecide = can(user, "provenance.confirm");
  // Under silence, and once adopted, the text is read-only for everyone (the server refuses every write anyway).
  const canManageSponsors = can(user, "plan.sponsor");
  const [silencePanel, sponsors, sponsorChoices, statuses, delegations] = await Promise.all([
    readSilencePanel({ viewer: user, planId: plan.id }),
    listPlanSponsors({ planId: plan.id }),
    canManageSponsors ? listSponsorChoices({ dialogueId: plan.dialogue.id }) : [],
    listParagraphStatuses({ planId: plan.id }),
    // Only drafters tag brackets with delegations; readers' pages do not carry the list.
    can(user, "plan.edit") ? listPlanDelegations({ dialogueId: plan.dialogue.id }) : [],
  ]);
  const canEdit = can(user, "plan.edit") && !silencePanel.isTextLocked;
  const viewer = presentPlanViewer(user);
  const planViewer = silencePanel.isTextLocked
    ? { ...viewer, abilities: { ...viewer.abilities, propose: false } }
    : viewer;
  // Numbered once over the whole plan: operative paragraphs continue their count from section to section.
  const sectionParagraphs = readSectionParagraphs(plan.sections);
  const paragraphNumbers = numberParagraphs(sectionParagraphs);
  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Sections" className="lg:sticky lg:top-20 lg:self-start">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Sections</h2>
        <ol className="mt-2 space-y-1 text-sm" data-testid="section-nav">
          {plan.sections.map((section, index) => (
            <li key={section.key} className={section.level === 2 ? "ml-4" : ""}>
              {section.part === "annex" && plan.sections[index - 1]?.part !== "annex" && (
                <span className="block text-xs font-semibold uppercase tracking-wide text-slate-600">Annex</span>
              )}
              <a href={`#${section.key}`} className="text-slate-800 hover:text-un">
                {section.title}
              </a>
            </li>
          ))}
        </ol>
        {/* Sections, and paragraph statuses: the page renders again when either changes. */}
        <LivePlanActivity planId={plan.id} kind="status" noun="sections" revision={plan.structureRevision} />
      </nav>
      {/* On wide screens each section has a margin beside its text for the passage's sources and the comments (see LiveSection). */}
      <div className="relative min-w-0 space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">{plan.title}</h1>
          <p className="text-sm text-slate-700">
            Draft seeded from{" "}
            <Link href={`/dialogues/${plan.dialogue.id}`} className="text-un-dark underline">
              {plan.dialogue.topic ?? plan.dialogue.title}
            </Link>
            . Numbers in brackets are confirmed sources; {canEdit ? "put the caret in" : "click"} a passage to see who
            said it{canEdit ? ", and cite a source where the caret is" : ""}.
            {canEdit
              ? " Sections save as you type and everyone sees your edits live."
              : " The text updates live as facilitators draft."}
            {!canDecide && " Only facilitators can confirm or reject suggestions."}
          </p>
          <p className="flex flex-wrap gap-4">
            <Link href={`/plans/${plan.id}/coverage`} className="font-medium text-un-dark underline">
              Coverage of the dialogue
            </Link>
            <Link href={`/plans/${plan.id}/comments`} className="font-medium text-un-dark underline">
              All comments
            </Link>
            <Link href={`/plans/${plan.id}/amendments`} className="font-medium text-un-dark underline">
              Amendments
            </Link>
            <Link href={`/plans/${plan.id}/concerns`} className="font-medium text-un-dark underline">
              Concern register
            </Link>
            <Link href={`/plans/${plan.id}/versions`} className="font-medium text-un-dark underline">
              Versions
            </Link>
            <Link href={`/plans/${plan.id}/status`} className="font-medium text-un-dark underline">
              Status of paragraphs
            </Link>
          </p>
          <PlanSponsors
            planId={plan.id}
            sponsors={sponsors}
            choices={toDelegationChoices(sponsorChoices)}
            canManage={canManageSponsors}
          />
          <RoundStatus planId={plan.id} round={negotiation.round} withLink />
          <ExportMenu planId={plan.id} />
          <SilenceBanner planId={plan.id} panel={silencePanel} />
          {canEdit && (
            <ArrangeSections
              planId={plan.id}
              revision={plan.structureRevision}
              title={plan.title}
              sections={plan.sections.map(({ id, key, title, part, level }) => ({ id, key, title, part, level }))}
            />
          )}
          {can(user, "plan.reset") && !silencePanel.isTextLocked && <ResetPlanButton planId={plan.id} />}
        </header>
        <CollabSession url={collabPublicUrl()} user={{ id: user.id, name: user.name, color: colourForUser(user.id) }}>
          <DelegationChoices delegations={delegations}>
            <ParagraphNumbering sections={sectionParagraphs}>
              {plan.sections.map((section) => (
                <SectionView
                  key={section.key}
                  section={section}
                  dialogueId={plan.dialogue.id}
                  planId={plan.id}
                  canDecide={canDecide}
                  canEdit={canEdit}
                  viewer={planViewer}
                  paragraphNumbers={paragraphNumbers}
                  statuses={statuses.get(section.id)}
                  canSetStatus={can(user, "paragraph.status")}
                />
              ))}
            </ParagraphNumbering>
          </DelegationChoices>
        </CollabSession>
      </div>
    </div>
  );
}
