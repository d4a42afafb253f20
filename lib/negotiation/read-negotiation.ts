/**
 * Where a plan's negotiation stands, as its page and panel show it: the
 * current round with its deadlines, the label the next revision will take,
 * and every revision issued (each with its round, for download by label),
 * newest first; with what the viewer may do. Null when there is no plan.
 */
import { authorize, can } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { nextRevision, revisionLabel } from "./issue-revision";
import { readCurrentRound, readTextLock } from "./negotiation-state";

export async function readNegotiation({ viewer, planId }: { viewer: Actor; planId: string }) {
  authorize(viewer, "plan.read");
  const db = getPrisma();
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, title: true } });
  if (!plan) return null;
  const [current, next, lock, rounds] = await Promise.all([
    readCurrentRound(db, planId),
    nextRevision(db, planId),
    readTextLock(db, planId),
    db.negotiationRound.findMany({
      where: { planId, revisionId: { not: null } },
      orderBy: { number: "desc" },
      select: {
        number: true,
        revision: true,
        openedBy: { select: { name: true } },
        revisionVersion: { select: { id: true, label: true, createdAt: true } },
      },
    }),
  ]);
  return {
    plan,
    round: {
      number: current.number,
      revisionLabel: current.revision ? revisionLabel(current.revision) : "Zero draft",
      commentDeadline: current.commentDeadline?.toISOString() ?? null,
      amendmentDeadline: current.amendmentDeadline?.toISOString() ?? null,
      openedAt: current.openedAt?.toISOString() ?? null,
    },
    textLock: lock ? { state: lock.state, endsAt: lock.endsAt.toISOString() } : null,
    /** What "Issue Rev.N" will be called (past any "Rev.K" a facilitator labelled by hand; see issue-revision.ts). */
    nextRevisionLabel: revisionLabel(next),
    revisions: rounds.flatMap((round) =>
      round.revisionVersion
        ? [
            {
              versionId: round.revisionVersion.id,
              label: round.revisionVersion.label,
              issuedAt: round.revisionVersion.createdAt.toISOString(),
              issuedBy: round.openedBy?.name ?? null,
              round: round.number,
            },
          ]
        : [],
    ),
    abilities: { canManage: can(viewer, "negotiation.manage") },
  };
}

export type TNegotiationView = NonNullable<Awaited<ReturnType<typeof readNegotiation>>>;
