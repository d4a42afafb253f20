/**
 * A facilitator issues the next revision ("Rev.2") of a plan, in one audited
 * transaction:
 *   1. the text as stored is frozen as a named version labelled "Rev.N";
 *   2. round N+1 opens on it, with the deadlines given, if any;
 *   3. that version is exported (DOCX, PDF) with its symbol by label, through
 *      GET /api/plans/<id>/export?format=docx&version=Rev.N;
 *   4. every pending amendment is carried over to the new text
 *      (carry-over-amendments.ts): valid on its paragraph's new place, or
 *      stale since Rev.N when its target text changed;
 *   5. every user who follows the plan (delegates, observers, facilitators
 *      and admins) is notified, the facilitator who issued it excepted.
 * The live edits not yet stored should be flushed first (flushLiveEdits), so
 * the revision holds the text as the editors see it.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { writeVersion } from "@/lib/versions/write-version";
import { carryOverAmendments } from "./carry-over-amendments";
import type { CarryOverResult } from "./carry-over-amendments";
import { sendCollabNotice } from "@/lib/live/channels";
import { readCurrentRound, readTextLock } from "./negotiation-state";
import type { TIssueRevision } from "./schemas";

export type IssuedRevision = {
  version: { id: string; number: number; label: string; createdAt: Date };
  round: { id: string; number: number; revision: number; commentDeadline: Date | null; amendmentDeadline: Date | null };
  carriedOver: CarryOverResult;
  notified: number;
};

/** "Rev.3". */
export function revisionLabel(revision: number): string {
  return `Rev.${revision}`;
}

export async function issueRevision({
  actor,
  planId,
  input = {},
  now = new Date(),
}: {
  actor: Actor;
  planId: string;
  input?: TIssueRevision;
  now?: Date;
}): Promise<IssuedRevision> {
  authorize(actor, "negotiation.manage");
  assertFutureDeadlines(input, now);
  return getPrisma().$transaction(
    async (tx) => {
      // One issuer at a time per plan: two clicks must not both take Rev.N.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rounds:${planId}`}))`;
      const plan = await tx.plan.findUnique({ where: { id: planId }, select: { title: true } });
      if (!plan) throw new AppError("not_found", "No such plan.");
      if ((await readTextLock(tx, planId))?.state === "under_silence")
        throw new AppError(
          "conflict",
          "The text is under a silence procedure: a new revision can be issued once silence ends or is broken.",
          { negotiation: "under_silence" },
        );
      const revision = await nextRevision(tx, planId);
      const label = revisionLabel(revision);
      const carriedOver = await carryOverAmendments(tx, { planId, revision });
      const version = await writeVersion({ tx, planId, kind: "named", label, createdById: actor.id, now });
      const round = await openRound(tx, {
        planId,
        revision,
        revisionId: version.id,
        openedById: actor.id,
        openedAt: now,
        commentDeadline: input.commentDeadline ?? null,
        amendmentDeadline: input.amendmentDeadline ?? null,
      });
      const notified = await notifyEveryone(tx, {
        actorId: actor.id,
        planId,
        versionId: version.id,
        title: `${label} of “${plan.title}” was issued: round ${round.number} is open`,
      });
      await appendAudit(tx, {
        userId: actor.id,
        action: "negotiation.issue_revision",
        resourceType: "plan_version",
        resourceId: version.id,
        detail: {
          planId,
          label,
          revision,
          round: round.number,
          commentDeadline: round.commentDeadline?.toISOString() ?? null,
          amendmentDeadline: round.amendmentDeadline?.toISOString() ?? null,
          carriedOver,
        },
      });
      return {
        version: { id: version.id, number: version.number, label: version.label, createdAt: version.createdAt },
        round,
        carriedOver,
        notified,
      };
    },
    { timeout: 30_000 },
  );
}

/**
 * The N of the next Rev.N: one more than the current round's revision, or than any version a facilitator already
 * labelled "Rev.K" by hand before rounds existed, so the label is always free.
 */
export async function nextRevision(db: Tx | PrismaClient, planId: string): Promise<number> {
  const current = await readCurrentRound(db, planId);
  const [labelled] = await db.$queryRaw<{ highest: number | null }[]>`
    SELECT max(substring(label FROM '^Rev\\.([0-9]{1,6})$')::int) AS highest
    FROM "PlanVersion" WHERE "planId" = ${planId} AND label ~ '^Rev\\.[0-9]{1,6}$'`;
  return Math.max(current.revision, labelled?.highest ?? 0) + 1;
}

/**
 * Opens the round after the current one, on the revision just issued, inside the caller's transaction. This is what
 * ends a text's read-only state after adoption under silence (readTextLock looks at the current round only).
 */
export async function openRound(
  tx: Tx,
  options: {
    planId: string;
    revision: number;
    revisionId: string;
    openedById: string;
    openedAt: Date;
    commentDeadline: Date | null;
    amendmentDeadline: Date | null;
  },
): Promise<IssuedRevision["round"]> {
  const current = await readCurrentRound(tx, options.planId);
  const round = await tx.negotiationRound.create({
    data: { number: current.number + 1, ...options },
    select: { id: true, number: true, revision: true, commentDeadline: true, amendmentDeadline: true },
  });
  // Editors turned read-only by an adoption become writable again, and open plan pages show the new round.
  await sendCollabNotice(tx, { type: "text-lock-changed", planId: options.planId });
  return round;
}

/** Every enabled account hears of a revision: each delegation works from it, and observers follow it. */
async function notifyEveryone(
  tx: Tx,
  { actorId, planId, versionId, title }: { actorId: string; planId: string; versionId: string; title: string },
): Promise<number> {
  const users = await tx.user.findMany({ where: { disabledAt: null }, select: { id: true } });
  const notified = await notify(tx, {
    kind: "revision_issued",
    recipients: { userIds: users.map((user) => user.id) },
    actorId,
    planId,
    title,
    href: `/plans/${planId}/negotiation`,
    resource: { type: "plan_version", id: versionId },
  });
  return notified.length;
}

/** A deadline already past would close the round as it opens: surely a typo. */
export function assertFutureDeadlines(
  input: { commentDeadline?: Date | null; amendmentDeadline?: Date | null },
  now: Date,
): void {
  for (const field of ["commentDeadline", "amendmentDeadline"] as const) {
    const deadline = input[field];
    if (deadline && deadline.getTime() <= now.getTime())
      throw new AppError("invalid", `${field}: the deadline must be in the future.`, { field });
  }
}
