import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CompilationTable } from "@/components/versions/compilation-table";
import { FilterForm } from "@/components/ui/filter-form";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { readPageParams } from "@/lib/http/path-params";
import {
  countCompilation,
  describeCompilationScope,
  describeCompilationVersion,
  keepParagraphsWithProposals,
} from "@/lib/versions/compilation";
import { readCompilation } from "@/lib/versions/read-compilation";

export const metadata: Metadata = { title: "Compilation of proposals" };

type Props = {
  params: Promise<{ id: string; versionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// An unknown value shows every paragraph rather than refusing: a stale bookmark still opens the page.
const ZFilters = z.object({ show: z.enum(["proposals"]).optional().catch(undefined) });

export default async function CompilationPage({ params, searchParams }: Props) {
  const { id, versionId } = await readPageParams(params);
  const user = await requirePageUser(
    `/plans/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}/compilation`,
  );
  authorizePage(user, "plan.read");
  const compilation = await readCompilation({ viewer: user, planId: id, versionId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const filters = ZFilters.parse(await searchParams);
  const { plan, version } = compilation;
  const shown = filters.show === "proposals" ? keepParagraphsWithProposals(compilation.rows) : compilation.rows;
  const all = countCompilation(compilation.rows);
  const counted = countCompilation(shown);
  const docxHref = `/api/plans/${plan.id}/versions/${version.id}/compilation?format=docx`;
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/plans/${plan.id}`} className="text-un-dark underline">
            {plan.title}
          </Link>
          {" · "}
          <Link href={`/plans/${plan.id}/versions`} className="text-un-dark underline">
            Versions
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Compilation of proposals on {version.label}</h1>
        <p className="text-sm text-slate-700">
          {describeCompilationVersion(compilation)}. {describeCompilationScope(compilation)} Each proposal shows where
          it stands now and the facilitator&apos;s note on the decision.
        </p>
        <p className="text-sm">
          <a href={docxHref} className="text-un-dark underline" download>
            Download as Word (landscape table)
          </a>
        </p>
      </header>
      <FilterForm
        label="Filter the compilation"
        fields={[
          {
            name: "show",
            label: "Paragraphs",
            value: filters.show,
            anyLabel: "all paragraphs",
            options: [{ value: "proposals", label: "only paragraphs with proposals" }],
          },
        ]}
      />
      <p className="text-sm text-slate-700" role="status" data-testid="compilation-count">
        {counted.paragraphs} of {all.paragraphs} paragraphs shown; {all.withProposals} with proposals, {all.proposals}{" "}
        proposal{all.proposals === 1 ? "" : "s"} in all.
      </p>
      {shown.length === 0 ? (
        <p className="text-sm">No paragraph of {version.label} has a proposal.</p>
      ) : (
        <CompilationTable
          rows={shown}
          planId={plan.id}
          caption={`Compilation of proposals on ${version.label}, one row per paragraph${filters.show ? ", only paragraphs with proposals" : ""}`}
        />
      )}
    </div>
  );
}
