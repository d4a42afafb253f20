/**
 * A delegate breaks silence for their delegation, with a reason: recorded on the procedure (who, which delegation,
 * when, why) and in the audit log, the facilitators are told, and the text is writable again. Only before endsAt and
 * only once: the write is a conditional update, so a break racing the adoption (adopt-due-silences.ts) or another
 * break leaves exactly one of them recorded; the loser is told 409 and writes nothing.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize, delegationSpokenFor } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendCollabNotice } from "@/lib/live/channels";
import { notify } from "@/lib/notifications/notify";
import type { TBreakSilence } from "./silence-schemas";
import { usersWhoMay } from "./silence-recipients";

export async function breakSilence({
  actor,
  planId,
  input,
}: {
  actor: Actor;
  planId: string;
  input: TBreakSilence;
}): Promise<{ id: string; brokenAt: Date }> {
  authorize(actor, "silence.break");
  // authorize() has made sure the actor speaks for a delegation.
  const delegationId = delegationSpokenFor(actor) as string;
  return getPrisma().$transaction(async (tx) => {
    const [broken] = await tx.$queryRaw<{ id: string; brokenAt: Date; revision: string }[]>`
      UPDATE "SilenceProcedure" AS s
         SET "brokenAt" = now() AT TIME ZONE 'UTC', "brokenById" = ${actor.id},
             "brokenByDelegationId" = ${delegationId}, "breakReason" = ${input.reason}
        FROM "PlanVersion" AS v
       WHERE s."planId" = ${planId} AND v.id = s."versionId"
         AND s."brokenAt" IS NULL AND s."adoptedAt" IS NULL AND s."endsAt" > now() AT TIME ZONE 'UTC'
      RETURNING s.id, s."brokenAt", v.label AS revision`;
    if (!broken && !(await tx.plan.count({ where: { id: planId } }))) throw new AppError("not_found", "No such plan.");
    if (!broken)
      throw new AppError("conflict", "No silence procedure is open on this plan: it ended, was broken or adopted.");
    const delegation = await tx.delegation.findUniqueOrThrow({ where: { id: delegationId }, select: { name: true } });
    await appendAudit(tx, {
      userId: actor.id,
      action: "silence.break",
      resourceType: "silence_procedure",
      resourceId: broken.id,
      detail: { planId, delegationId, reason: input.reason },
    });
    await notify(tx, {
      kind: "silence_broken",
      recipients: { userIds: await usersWhoMay(tx, ["silence.start"]) },
      actorId: actor.id,
      planId,
      title: `${delegation.name} broke silence on ${broken.revision}`,
      href: `/plans/${planId}#negotiation`,
      resource: { type: "silence_procedure", id: broken.id },
    });
    await sendCollabNotice(tx, { type: "text-lock-changed", planId });
    return { id: broken.id, brokenAt: broken.brokenAt };
  });
}
