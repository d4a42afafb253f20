import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RestoreButton } from "@/components/versions/restore-button";
import { SectionDiff } from "@/components/versions/section-diff";
import { can } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { readPageParams } from "@/lib/http/path-params";
import { findPlanSummary } from "@/lib/plan/get-plan";
import { compareVersions } from "@/lib/versions/compare-versions";
import { LIVE, ZCompareVersions } from "@/lib/versions/schemas";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Compare versions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZView = z.object({ view: z.enum(["inline", "side"]).catch("inline") });

const STATUS_LABELS = { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" } as const;

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { id } = await readPageParams(params);
  const query = await searchParams;
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/versions`);
  authorizePage(user, "plan.read");
  const plan = await findPlanSummary({ planId: id });
  const input = ZCompareVersions.safeParse(query);
  if (!plan || !input.success) notFound();
  const result = await compareVersions({ viewer: user, planId: id, input: input.data }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { view } = ZView.parse({ view: query.view });
  const canRestore = can(user, "version.restore");
  const sides = [result.from, result.to].filter((side) => !side.isLive);
  const changed = result.sections.filter((s) => s.status !== "unchanged");
  const unchanged = result.sections.filter((s) => s.status === "unchanged");
  const hrefFor = (mode: "inline" | "side") =>
    `/plans/${id}/versions/compare?from=${encodeURIComponent(input.data.from)}&to=${encodeURIComponent(input.data.to)}${mode === "side" ? "&view=side" : ""}`;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/plans/${id}`} className="text-un-dark underline">
            {plan.title}
          </Link>
          {" · "}
          <Link href={`/plans/${id}/versions`} className="text-un-dark underline">
            Versions
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          Compare {result.from.label} with {result.to.label}
        </h1>
        <p className="text-sm text-slate-700" data-testid="compare-totals">
          {result.totals.sectionsChanged} section{result.totals.sectionsChanged === 1 ? "" : "s"} changed,{" "}
          <span className="text-emerald-800">+{result.totals.wordsAdded}</span> /{" "}
          <span className="text-red-800">−{result.totals.wordsRemoved}</span> words.
          {(result.from.isLive || result.to.isLive) &&
            " The live draft is the text as last saved (a few seconds behind typing)."}
        </p>
        <nav aria-label="Diff layout" className="flex gap-3 text-sm">
          <Link
            href={hrefFor("inline")}
            aria-current={view === "inline" ? "page" : undefined}
            className={view === "inline" ? "font-semibold" : "text-un-dark underline"}
          >
            Inline
          </Link>
          <Link
            href={hrefFor("side")}
            aria-current={view === "side" ? "page" : undefined}
            className={view === "side" ? "font-semibold" : "text-un-dark underline"}
          >
            Side by side
          </Link>
        </nav>
      </header>
      {changed.length === 0 && <p className="text-sm">The two texts are the same.</p>}
      {changed.map((section) => (
        <section
          key={section.key}
          aria-labelledby={`diff-${section.key}`}
          data-testid="section-diff"
          data-section-key={section.key}
          className="space-y-2 rounded border border-slate-200 bg-white p-3"
        >
          <h2 id={`diff-${section.key}`} className="flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
            {section.title}
            <Badge className="text-xs font-normal">{STATUS_LABELS[section.status]}</Badge>
            <span className="text-sm font-normal">
              <span className="text-emerald-800">+{section.wordsAdded}</span> /{" "}
              <span className="text-red-800">−{section.wordsRemoved}</span> words
            </span>
          </h2>
          <SectionDiff
            segments={section.segments}
            mode={view}
            fromLabel={result.from.label}
            toLabel={result.to.label}
          />
          {(section.citationsAdded.length > 0 || section.citationsRemoved.length > 0) && (
            <div className="text-sm" data-testid="citation-changes">
              <h3 className="font-medium">Citations</h3>
              <ul className="list-inside list-disc">
                {section.citationsAdded.map((c) => (
                  <li key={`+${c.linkId}`}>
                    <ins className="bg-emerald-100 no-underline">cited</ins> {c.label}
                  </li>
                ))}
                {section.citationsRemoved.map((c) => (
                  <li key={`-${c.linkId}`}>
                    <del className="bg-red-100 no-underline">no longer cited</del> {c.label}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canRestore && (
            <div className="flex flex-wrap gap-4">
              {/* From each side that is a version and has the section. */}
              {sides
                .filter((side) => (side === result.from ? section.status !== "added" : section.status !== "removed"))
                .map((side) => (
                  <RestoreButton
                    key={side.id}
                    planId={id}
                    versionId={side.id}
                    versionLabel={side.label}
                    section={{ key: section.key, title: section.title }}
                  />
                ))}
            </div>
          )}
        </section>
      ))}
      {unchanged.length > 0 && (
        <p className="text-sm text-slate-700">Unchanged: {unchanged.map((s) => s.title).join(", ")}.</p>
      )}
      <p className="text-xs text-slate-600">
        Comparing {result.from.id === LIVE ? "the live draft" : `version ${result.from.number}`} with{" "}
        {result.to.id === LIVE ? "the live draft" : `version ${result.to.number}`}.
      </p>
    </div>
  );
}
