import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeBar } from "@/components/versions/change-bar";
import { CreateVersionForm } from "@/components/versions/create-version-form";
import { RestoreButton } from "@/components/versions/restore-button";
import { can } from "@/lib/auth/policies";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { readPageParams } from "@/lib/http/path-params";
import { listVersions } from "@/lib/versions/list-versions";
import { LIVE } from "@/lib/versions/schemas";
import { Time } from "@/components/ui/time";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Versions" };

type Props = { params: Promise<{ id: string }> };

const KIND_LABELS = { named: "named", auto: "automatic", before_restore: "before restore" } as const;

/** "2026-11-30 14:20 UTC": the same for every reader, wherever they are. */

export default async function VersionsPage({ params }: Props) {
  const { id } = await readPageParams(params);
  const user = await requirePageUser(`/plans/${encodeURIComponent(id)}/versions`);
  authorizePage(user, "plan.read");
  const listed = await listVersions({ viewer: user, planId: id });
  if (!listed) notFound();
  const { plan, versions } = listed;
  const canRestore = can(user, "version.restore");
  const scale = Math.max(0, ...versions.map((v) => v.summary.wordsAdded + v.summary.wordsRemoved));
  const select = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/plans/${plan.id}`} className="text-un-dark underline">
            {plan.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Versions</h1>
        <p className="text-sm text-slate-700">
          Facilitators issue the draft in versions, as the UN does (“Zero draft”, “Rev.1”). While the plan is edited an
          automatic version is taken every few minutes; after a day, only the last automatic version of each day is
          kept. A version records every section as last saved, its sources and the open amendments. Nothing is lost: a
          restore first keeps the text it replaces as a version.
        </p>
      </header>
      {can(user, "version.create") && <CreateVersionForm planId={plan.id} />}
      {versions.length > 0 && (
        <form
          method="get"
          action={`/plans/${plan.id}/versions/compare`}
          aria-label="Compare versions"
          className="flex flex-wrap items-end gap-3 text-sm"
        >
          <label className="flex flex-col">
            From
            <select name="from" defaultValue={versions[1]?.id ?? versions[0].id} className={select}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.number}. {v.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            To
            <select name="to" defaultValue={LIVE} className={select}>
              <option value={LIVE}>Live draft</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.number}. {v.label}
                </option>
              ))}
            </select>
          </label>
          <Button variant="primary-compact" size="md" type="submit">
            Compare
          </Button>
        </form>
      )}
      {versions.length === 0 ? (
        <p className="text-sm text-slate-700">No versions yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Versions, newest first">
          {versions.map((v) => (
            <li key={v.id} data-testid="version" className="rounded border border-slate-200 bg-white p-3 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-mono text-xs text-slate-600">{v.number}.</span>
                <span className="font-semibold" data-testid="version-label">
                  {v.label}
                </span>
                <Badge className="text-xs">{KIND_LABELS[v.kind]}</Badge>
                <span className="text-slate-700">{v.createdBy?.name ?? "taken automatically"}</span>
                <time dateTime={v.createdAt.toISOString()} className="text-slate-600">
                  <Time date={v.createdAt} />
                </time>
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-3" data-testid="version-summary">
                <span>
                  {v.summary.sectionsChanged.length} section{v.summary.sectionsChanged.length === 1 ? "" : "s"} changed
                  {v.summary.previousNumber === null
                    ? " (first version)"
                    : v.changedTitles.length > 0 && v.changedTitles.length <= 4
                      ? ` (${v.changedTitles.join(", ")})`
                      : ""}
                  , <span className="text-emerald-800">+{v.summary.wordsAdded}</span> /{" "}
                  <span className="text-red-800">−{v.summary.wordsRemoved}</span> words
                </span>
                <ChangeBar added={v.summary.wordsAdded} removed={v.summary.wordsRemoved} scale={scale} />
              </p>
              <div className="mt-2 flex flex-wrap items-start gap-4">
                <Link
                  href={`/plans/${plan.id}/versions/compare?from=${v.id}&to=${LIVE}`}
                  className="text-un-dark underline"
                >
                  Compare with the live draft<span className="sr-only"> ({v.label})</span>
                </Link>
                <Link href={`/plans/${plan.id}/versions/${v.id}/compilation`} className="text-un-dark underline">
                  Compilation of proposals<span className="sr-only"> on {v.label}</span>
                </Link>
                {canRestore && <RestoreButton planId={plan.id} versionId={v.id} versionLabel={v.label} />}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
