/** A plan's versions, newest first, each with its author and change summary (changed sections named by their current title); null when there is no such plan. */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { VersionSummary } from "./write-version";

export async function listVersions({ viewer, planId }: { viewer: Actor; planId: string }) {
  authorize(viewer, "plan.read");
  const plan = await getPrisma().plan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      sections: { select: { key: true, title: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          label: true,
          kind: true,
          summary: true,
          createdAt: true,
          createdBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!plan) return null;
  const titles = new Map(plan.sections.map((s) => [s.key, s.title]));
  return {
    plan: { id: plan.id, title: plan.title },
    versions: plan.versions.map((v) => {
      const summary = v.summary as VersionSummary;
      return { ...v, summary, changedTitles: summary.sectionsChanged.map((key) => titles.get(key) ?? key) };
    }),
  };
}

export type VersionListItem = NonNullable<Awaited<ReturnType<typeof listVersions>>>["versions"][number];
