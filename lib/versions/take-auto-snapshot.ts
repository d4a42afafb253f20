/**
 * An automatic snapshot of a plan being edited, taken by the collaboration
 * server's timer (see lib/collab/auto-snapshots.ts). Skipped when nothing
 * changed since the latest version of any kind ("identical"), or when that
 * version is younger than `minAgeMs` ("recent") — which is how several
 * collab servers, each with its own timer, take about one snapshot per
 * interval between them. Taking one also thins the plan's aged automatic
 * versions, in the same transaction. Runs outside Next (no next/* imports on this path).
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { getPrisma } from "@/lib/db";
import { pruneAutoVersions } from "./prune-auto-versions";
import { writeVersion } from "./write-version";
import type { SkipReason, WrittenVersion } from "./write-version";

/** `pruned`: the numbers of the aged automatic versions thinned out (prune-auto-versions.ts). */
export type AutoSnapshotResult =
  { status: "taken"; version: WrittenVersion; pruned: number[] } | { status: SkipReason };

export async function takeAutoSnapshot({
  planId,
  minAgeMs = 0,
  now = new Date(),
}: {
  planId: string;
  minAgeMs?: number;
  now?: Date;
}): Promise<AutoSnapshotResult> {
  return getPrisma().$transaction(
    async (tx) => {
      const version = await writeVersion({
        tx,
        planId,
        kind: "auto",
        createdById: null,
        skipIfUnchanged: { minAgeMs },
        now,
      });
      if (typeof version === "string") return { status: version };
      await appendAudit(tx, {
        userId: null,
        action: "version.auto",
        resourceType: "plan_version",
        resourceId: version.id,
        detail: { planId, number: version.number, label: version.label, contentHash: version.contentHash },
      });
      // Each new automatic version is the moment to thin the old ones: a plan nobody edits keeps what it has.
      const pruned = await pruneAutoVersions({ tx, planId, now });
      return { status: "taken" as const, version, pruned };
    },
    { timeout: 30_000 },
  );
}
