import Link from "next/link";
import { RemoveDialogueButton } from "@/components/dialogue/remove-dialogue-button";
import { SeedPlanButton } from "@/components/dialogue/seed-plan-button";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policies";
import { listDialogues } from "@/lib/dialogue/list-dialogues";
import { listPlans } from "@/lib/plan/get-plan";
import { findPlanTemplate, listTemplateChoices } from "@/lib/plan/templates";
import { Time } from "@/components/ui/time";
import { buttonClasses } from "@/components/ui/button";

export default async function HomePage() {
  const user = await requirePageUser("/");
  authorizePage(user, "dialogue.read");
  const [dialogues, plans] = await Promise.all([listDialogues(), listPlans()]);
  const canImport = can(user, "dialogue.import");
  const canSeed = can(user, "plan.seed");
  const canRemove = can(user, "dialogue.delete");
  const templates = listTemplateChoices();
  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold">Dialogues</h1>
          {canImport && (
            <Link
              href="/dialogues/import"
              className={buttonClasses({ variant: "primary", size: "lg", className: "text-sm" })}
            >
              Import a dialogue
            </Link>
          )}
        </div>
        <p className="mt-1 max-w-2xl text-slate-700">
          Summaries of General Assembly dialogues, broken into statements, sentences and agreed lists that a Global Plan
          of Action can cite.
        </p>
      </div>
      {dialogues.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          No dialogue has been imported yet.{" "}
          {canImport ? (
            <Link href="/dialogues/import" className="text-un-dark underline">
              Import one
            </Link>
          ) : (
            "A facilitator imports them."
          )}
        </p>
      ) : (
        <ul className="grid gap-4" aria-label="Imported dialogues">
          {dialogues.map((d) => (
            <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/dialogues/${d.id}`} className="text-un-dark hover:underline">
                  {d.topic ?? d.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {d.venue} · <Time date={d.date} withTime={false} />
              </p>
              <p className="mt-2 text-sm text-slate-700">
                {d._count.segments} sessions · {d._count.statements} statements · {d._count.summaryItems} list items ·{" "}
                {d._count.delegations} delegations
              </p>
              {plans
                .filter((p) => p.dialogueId === d.id)
                .map((p) => (
                  <p key={p.id} className="mt-2">
                    <Link href={`/plans/${p.id}`} className="font-medium text-un-dark underline">
                      Open the draft plan
                    </Link>{" "}
                    <span className="text-sm text-slate-700">
                      ({findPlanTemplate(p.templateKey)?.name ?? p.templateKey})
                    </span>
                  </p>
                ))}
              {(canSeed || canRemove) && (
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  {canSeed && <SeedPlanButton dialogueId={d.id} templates={templates} />}
                  {canRemove && !plans.some((p) => p.dialogueId === d.id) && (
                    <RemoveDialogueButton dialogueId={d.id} title={d.topic ?? d.title} />
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
