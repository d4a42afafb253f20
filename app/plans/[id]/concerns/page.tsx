import type { Metadata } from "next";
import Link from "next/link";
import { PlanSubpageHeader } from "@/components/plan/plan-subpage-header";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ConcernActions } from "@/components/concerns/concern-actions";
import { ConcernBar, ConcernLegend, ConcernStatusBadge } from "@/components/concerns/concern-bar";
import { can } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { countConcerns } from "@/lib/concerns/count-concerns";
import type { ConcernEntry } from "@/lib/concerns/list-concerns";
import { listConcerns } from "@/lib/concerns/list-concerns";
import { CONCERN_ORIGINS, CONCERN_STATUSES } from "@/lib/concerns/schemas";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import type { SectionPassages } from "@/lib/plan/list-passages";
import { listPassages } from "@/lib/plan/list-passages";
import { Time } from "@/components/ui/time";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Concern register" };

const ZFilter = z.object({
  status: z.enum(CONCERN_STATUSES).optional().catch(undefined),
  origin: z.enum(CONCERN_ORIGINS).optional().catch(undefined),
});

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConcernsPage({ params, searchParams }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/concerns`);
  authorizePage(user, "plan.read");
  const plan = await findPlanSummary({ planId: id });
  if (!plan) notFound();
  const filter = ZFilter.parse(await searchParams);
  const canManage = can(user, "concern.manage");
  // The whole register for the summary; the table shows the filtered part of it.
  const [concerns, sections] = await Promise.all([
    listConcerns({ viewer: user, planId: id }),
    canManage ? listPassages({ planId: id }) : Promise.resolve([]),
  ]);
  const shown = concerns.filter(
    (c) => (!filter.status || c.status === filter.status) && (!filter.origin || c.origin === filter.origin),
  );
  const filterHref = (change: Partial<z.infer<typeof ZFilter>>) => {
    const next = new URLSearchParams(
      Object.entries({ ...filter, ...change }).filter(([, v]) => v) as [string, string][],
    );
    return `/plans/${id}/concerns${next.size ? `?${next}` : ""}`;
  };

  return (
    <div className="space-y-6">
      <PlanSubpageHeader planId={id} planTitle={plan.title} heading="Concern register">
        <p className="max-w-3xl text-slate-700">
          Every concern raised in the dialogue, and every comment a facilitator marked as a concern, stays here until a
          passage of the plan answers it (addressed) or a facilitator notes it with a reason (noted). Raised concerns
          are still open. See also the{" "}
          <Link href={`/plans/${id}/coverage`} className="text-un-dark underline">
            coverage of the dialogue
          </Link>
          .
        </p>
      </PlanSubpageHeader>

      <section aria-labelledby="concern-summary" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="concern-summary" className="font-semibold">
            At a glance
          </h2>
          <ConcernLegend />
        </div>
        <ConcernBar counts={countConcerns(concerns)} label="All concerns" />
        {CONCERN_ORIGINS.map((origin) => (
          <ConcernBar
            key={origin}
            counts={countConcerns(concerns.filter((c) => c.origin === origin))}
            label={origin === "dialogue" ? "From the dialogue" : "From comments"}
          />
        ))}
      </section>

      <section aria-labelledby="register-title" className="space-y-3">
        <h2 id="register-title" className="text-xl font-semibold">
          Register
        </h2>
        <FilterNav
          label="Filter by status"
          name="Status"
          values={["all", ...CONCERN_STATUSES]}
          current={filter.status ?? "all"}
          href={(v) => filterHref({ status: v === "all" ? undefined : (v as (typeof CONCERN_STATUSES)[number]) })}
        />
        <FilterNav
          label="Filter by origin"
          name="Origin"
          values={["all", ...CONCERN_ORIGINS]}
          current={filter.origin ?? "all"}
          href={(v) => filterHref({ origin: v === "all" ? undefined : (v as (typeof CONCERN_ORIGINS)[number]) })}
        />
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              Concerns, by number{filter.status ? `, ${filter.status}` : ""}
              {filter.origin ? `, from ${filter.origin}` : ""}
            </caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
              <tr>
                <th scope="col" className="p-2">
                  #
                </th>
                <th scope="col" className="p-2">
                  Concern
                </th>
                <th scope="col" className="p-2">
                  Origin
                </th>
                <th scope="col" className="p-2">
                  Delegation
                </th>
                <th scope="col" className="p-2">
                  Status
                </th>
                <th scope="col" className="p-2">
                  Answer or reason
                </th>
                {canManage && (
                  <th scope="col" className="p-2">
                    Actions
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {shown.map((concern) => (
                <ConcernRow key={concern.id} concern={concern} planId={id} sections={sections} canManage={canManage} />
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={canManage ? 7 : 6} className="p-3 text-slate-600">
                    No concern matches.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function FilterNav({
  label,
  name,
  values,
  current,
  href,
}: {
  label: string;
  name: string;
  values: readonly string[];
  current: string;
  href: (value: string) => string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{name}:</span>
      {values.map((value) => (
        <Link
          key={value}
          href={href(value)}
          aria-current={current === value ? "true" : undefined}
          className={`rounded px-2 py-0.5 ${current === value ? "bg-un text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
        >
          {value}
        </Link>
      ))}
    </nav>
  );
}

function ConcernRow({
  concern,
  planId,
  sections,
  canManage,
}: {
  concern: ConcernEntry;
  planId: string;
  sections: SectionPassages[];
  canManage: boolean;
}) {
  return (
    <tr
      id={`concern-${concern.number}`}
      data-testid="concern-row"
      data-status={concern.status}
      className="align-top target:bg-amber-50"
    >
      <td className="p-2 font-mono text-xs">{concern.number}</td>
      {/* Always text, never markup: a comment's words stay inert here too. */}
      <td className="max-w-md p-2">
        <p className="whitespace-pre-wrap break-words">{concern.text}</p>
      </td>
      <td className="p-2 text-xs">
        {concern.source.type === "dialogue" ? (
          <a href={concern.source.href} className="text-un-dark underline">
            Dialogue <span className="font-mono">{concern.source.key}</span>
          </a>
        ) : (
          <a href={concern.source.href} className="text-un-dark underline">
            Comment {concern.source.threadNumber}
          </a>
        )}
        {concern.source.type === "comment" && concern.source.visibility === "facilitators" && (
          <Badge tone="private" className="ml-1">
            facilitators only
          </Badge>
        )}
      </td>
      <td className="p-2 text-xs">{concern.delegation?.name ?? <span className="text-slate-600">—</span>}</td>
      <td className="p-2">
        <ConcernStatusBadge status={concern.status} />
      </td>
      <td className="max-w-sm p-2 text-xs">
        {concern.answer && (
          <>
            <a href={concern.answer.href} className="text-un-dark underline" data-testid="concern-answer">
              {concern.answer.section.title}
            </a>
            <q className="mt-1 block font-serif text-slate-800">
              {concern.answer.quote.length > 160 ? `${concern.answer.quote.slice(0, 160)}…` : concern.answer.quote}
            </q>
            {concern.answer.isMissing && (
              <p className="text-amber-900">This passage is no longer in the text: choose another or reopen.</p>
            )}
            {concern.answer.linkStatus && concern.answer.linkStatus !== "confirmed" && (
              <p className="text-amber-900">Its source link is now {concern.answer.linkStatus}.</p>
            )}
          </>
        )}
        {concern.answerIn.length > 0 && (
          <p data-testid="concern-answer-in">
            To be answered in{" "}
            {concern.answerIn.map((section, i) => (
              <span key={section.key}>
                {i > 0 && ", "}
                <a href={section.href} className="text-un-dark underline">
                  {section.title}
                </a>
              </span>
            ))}
          </p>
        )}
        {concern.noteReason && <p>Noted: {concern.noteReason}</p>}
        {concern.decidedAt && concern.status !== "raised" && (
          <p className="mt-1 text-slate-600">
            {concern.decidedBy ? `by ${concern.decidedBy.name}, ` : ""}
            <Time date={concern.decidedAt} />
          </p>
        )}
      </td>
      {canManage && (
        <td className="p-2">
          <ConcernActions
            planId={planId}
            concern={{ id: concern.id, number: concern.number, status: concern.status }}
            sections={sections}
          />
        </td>
      )}
    </tr>
  );
}
