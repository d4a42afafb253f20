/**
 * At its deadline, a silence procedure nobody broke adopts its revision: adoptedAt is set, with an audit row and a
 * notification to every delegation and the facilitators, in one transaction. Exactly once, whoever runs it and
 * however often: the collaboration server's timer, its catch-up on start (the server may have been down at the
 * deadline), and any reader of the negotiation state (so no page shows "under silence" past its end). The update is
 * conditional (`adoptedAt IS NULL AND brokenAt IS NULL AND endsAt <= now()`): PostgreSQL lets one transaction set
 * the row, and a concurrent one finds the condition false once it may look, so it adopts nothing and writes nothing.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { formatDay } from "@/lib/dates/format-date";
import { sendCollabNotice } from "@/lib/live/channels";
import { notify } from "@/lib/notifications/notify";
import { usersWhoMay } from "./silence-recipients";

export type AdoptedSilence = { id: string; planId: string; versionId: string; revision: string; adoptedAt: Date };

/** Adopts every procedure due now (or only `planId`'s); returns those this call adopted. */
export async function adoptDueSilences({ planId }: { planId?: string } = {}): Promise<AdoptedSilence[]> {
  return getPrisma().$transaction(async (tx) => {
    const adopted = await tx.$queryRaw<AdoptedSilence[]>`
      UPDATE "SilenceProcedure" AS s
         SET "adoptedAt" = now() AT TIME ZONE 'UTC'
        FROM "PlanVersion" AS v
       WHERE v.id = s."versionId"
         AND s."adoptedAt" IS NULL AND s."brokenAt" IS NULL AND s."endsAt" <= now() AT TIME ZONE 'UTC'
         AND (${planId ?? null}::text IS NULL OR s."planId" = ${planId ?? null}::text)
      RETURNING s.id, s."planId", s."versionId", v.label AS revision, s."adoptedAt"`;
    for (const silence of adopted) await recordAdoption(tx, silence);
    return adopted;
  });
}

async function recordAdoption(tx: Tx, silence: AdoptedSilence): Promise<void> {
  await appendAudit(tx, {
    userId: null,
    action: "silence.adopt",
    resourceType: "silence_procedure",
    resourceId: silence.id,
    detail: { planId: silence.planId, versionId: silence.versionId, revision: silence.revision },
  });
  await notify(tx, {
    kind: "adopted_under_silence",
    recipients: { userIds: await usersWhoMay(tx, ["silence.break", "silence.start"]) },
    actorId: null,
    planId: silence.planId,
    title: `${silence.revision} was adopted under silence on ${formatDay(silence.adoptedAt)}`,
    href: `/plans/${silence.planId}#negotiation`,
    resource: { type: "silence_procedure", id: silence.id },
  });
  await sendCollabNotice(tx, { type: "text-lock-changed", planId: silence.planId });
}

/** When the next open procedure falls due (any plan), for the timer to wake then; null when none is open. */
export async function readNextSilenceDeadline(): Promise<Date | null> {
  const next = await getPrisma().silenceProcedure.findFirst({
    where: { adoptedAt: null, brokenAt: null },
    orderBy: { endsAt: "asc" },
    select: { endsAt: true },
  });
  return next?.endsAt ?? null;
}
