/** A plan's versions, newest first, each with its author and change summary; null when there is no such plan. */
import { getPrisma } from "@/lib/db";
import type { VersionSummary } from "./write-version";

export async function listVersions({ planId }: { planId: string }) {
  const plan = await getPrisma().plan.findUnique({
    where: { id: planId },
    select: {
      id: true, title: true,
      versions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, label: true, kind: true, summary: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
      },
    },
  });
  if (!plan) return null;
  return { plan: { id: plan.id, title: plan.title }, versions: plan.versions.map((v) => ({ ...v, summary: v.summary as VersionSummary })) };
}

export type VersionListItem = NonNullable<Awaited<ReturnType<typeof listVersions>>>["versions"][number];
