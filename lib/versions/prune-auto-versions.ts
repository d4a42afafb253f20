/**
 * Automatic versions are thinned as they age, as Google Docs merges its
 * revisions: every one from the last day is kept; of older ones, the last of
 * each calendar day (UTC). Named and before-restore versions are never
 * touched. Without this a plan edited for months would pile up an automatic
 * version every ten minutes of editing, each a full snapshot, and its
 * versions list would become a wall.
 *
 * A version's change summary is against the version before it, so a kept
 * version that followed a pruned one gets its summary recomputed against its
 * new predecessor, in the same transaction.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { Tx } from "@/lib/db";
import type { VersionKind } from "@/lib/generated/prisma/enums";
import { lockPlanVersions, summarize } from "./write-version";

/** Every automatic version younger than this is kept. */
export const KEEP_EVERY_AUTO_VERSION_MS = 24 * 60 * 60 * 1000;

type VersionRow = { id: string; number: number; kind: VersionKind; createdAt: Date };

/**
 * The automatic versions to prune: older than a day, and not the last of
 * their calendar day. The latest version of all is always kept (a new
 * snapshot is compared with it).
 */
export function choosePrunedVersions(versions: readonly VersionRow[], now: Date): VersionRow[] {
  const byNumber = [...versions].sort((a, b) => a.number - b.number);
  const latest = byNumber.at(-1);
  const lastOfDay = new Map<string, VersionRow>();
  for (const version of byNumber) if (version.kind === "auto") lastOfDay.set(utcDay(version.createdAt), version);
  const cutoff = now.getTime() - KEEP_EVERY_AUTO_VERSION_MS;
  return byNumber.filter(
    (version) =>
      version.kind === "auto" &&
      version !== latest &&
      version.createdAt.getTime() < cutoff &&
      lastOfDay.get(utcDay(version.createdAt)) !== version,
  );
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Prunes a plan's aged automatic versions, inside the caller's transaction; returns the numbers pruned. */
export async function pruneAutoVersions({
  tx,
  planId,
  now = new Date(),
}: {
  tx: Tx;
  planId: string;
  now?: Date;
}): Promise<number[]> {
  await lockPlanVersions(tx, planId);
  const versions = await tx.planVersion.findMany({
    where: { planId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, kind: true, createdAt: true },
  });
  const pruned = choosePrunedVersions(versions, now);
  if (pruned.length === 0) return [];
  const prunedIds = new Set(pruned.map((v) => v.id));
  await tx.planVersion.deleteMany({ where: { id: { in: [...prunedIds] } } });
  await resummarizeSuccessors(tx, versions, prunedIds);
  const numbers = pruned.map((v) => v.number);
  await appendAudit(tx, {
    userId: null,
    action: "version.prune",
    resourceType: "plan",
    resourceId: planId,
    detail: { numbers },
  });
  return numbers;
}

/** Recomputes the summary of each kept version whose predecessor was pruned, against the kept version before it. */
async function resummarizeSuccessors(
  tx: Tx,
  versions: readonly VersionRow[],
  prunedIds: ReadonlySet<string>,
): Promise<void> {
  let previousKept: VersionRow | null = null;
  let isAfterPruned = false;
  for (const version of versions) {
    if (prunedIds.has(version.id)) {
      isAfterPruned = true;
      continue;
    }
    if (isAfterPruned) {
      const previous = await readSectionTexts(tx, previousKept);
      const current = await readSectionTexts(tx, version);
      const summary = summarize({ previousNumber: previousKept?.number ?? null, previous, current });
      await tx.planVersion.update({ where: { id: version.id }, data: { summary } });
    }
    previousKept = version;
    isAfterPruned = false;
  }
}

function readSectionTexts(tx: Tx, version: VersionRow | null): Promise<{ key: string; text: string }[]> {
  if (!version) return Promise.resolve([]);
  return tx.planVersionSection.findMany({ where: { versionId: version.id }, select: { key: true, text: true } });
}
