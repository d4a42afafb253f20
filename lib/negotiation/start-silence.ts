/**
 * A facilitator puts the current round's revision under silence until `endsAt`: from now the text is read-only,
 * every delegation is told, and the revision is adopted at endsAt unless a delegation breaks silence first
 * (break-silence.ts, adopt-due-silences.ts). One audited transaction; a refusal writes nothing.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { formatDayAndTime } from "@/lib/dates/format-date";
import { AppError } from "@/lib/errors";
import { sendCollabNotice } from "@/lib/live/channels";
import { notify } from "@/lib/notifications/notify";
import { readCurrentRound, readTextLock } from "./negotiation-state";
import type { TStartSilence } from "./silence-schemas";
import { usersWhoMay } from "./silence-recipients";

export async function startSilence({
  actor,
  planId,
  input,
}: {
  actor: Actor;
  planId: string;
  input: TStartSilence;
}): Promise<{ id: string; versionId: string; endsAt: Date }> {
  authorize(actor, "silence.start");
  return getPrisma().$transaction(async (tx) => {
    await lockPlan(tx, planId);
    const revision = await findSilenceableRevision(tx, planId, input.versionId);
    const silence = await tx.silenceProcedure.create({
      data: { planId, roundId: revision.roundId, versionId: revision.id, endsAt: input.endsAt, startedById: actor.id },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "silence.start",
      resourceType: "silence_procedure",
      resourceId: silence.id,
      detail: { planId, versionId: revision.id, revision: revision.label, endsAt: input.endsAt.toISOString() },
    });
    await notify(tx, {
      kind: "silence_started",
      recipients: { userIds: await usersWhoMay(tx, ["silence.break"]) },
      actorId: actor.id,
      planId,
      title: `${revision.label} is under silence until ${formatDayAndTime(input.endsAt)}`,
      href: `/plans/${planId}#negotiation`,
      resource: { type: "silence_procedure", id: silence.id },
    });
    await sendCollabNotice(tx, { type: "text-lock-changed", planId });
    return { id: silence.id, versionId: silence.versionId, endsAt: silence.endsAt };
  });
}

/** Two facilitators starting silence at once queue here; the second then finds the text locked (409). */
async function lockPlan(tx: Tx, planId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Plan" WHERE id = ${planId} FOR UPDATE`;
  if (!rows.length) throw new AppError("not_found", "No such plan.");
}

/** The current round's revision, if it is `versionId` and no procedure holds the text already; 409 otherwise. */
async function findSilenceableRevision(
  tx: Tx,
  planId: string,
  versionId: string,
): Promise<{ id: string; label: string; roundId: string }> {
  const round = await readCurrentRound(tx, planId);
  if (!round.id || !round.revisionId)
    throw new AppError("conflict", "Issue a revision first: only an issued revision (Rev.N) can be put under silence.");
  if (round.revisionId !== versionId) {
    throw new AppError(
      "conflict",
      `Only the current round's revision (Rev.${round.revision}) can be put under silence.`,
      { field: "versionId" },
    );
  }
  const lock = await readTextLock(tx, planId);
  if (lock)
    throw new AppError(
      "conflict",
      lock.state === "adopted"
        ? "This revision was already adopted under silence."
        : "This revision is already under silence.",
    );
  const version = await tx.planVersion.findUniqueOrThrow({ where: { id: versionId }, select: { label: true } });
  return { id: versionId, label: version.label, roundId: round.id };
}
