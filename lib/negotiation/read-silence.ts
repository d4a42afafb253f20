/**
 * The plan's silence procedure as a reader sees it (the plan page, the API, exports): the latest one in the current
 * round, under silence, broken or adopted; null when there is none. A procedure past its deadline that nobody has
 * adopted yet (the collaboration server was down, or its timer is a moment late) is adopted here first, so no reader
 * ever sees "under silence" after its end.
 */
import { authorize, can } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { adoptDueSilences } from "./adopt-due-silences";
import { readCurrentRound } from "./negotiation-state";
import type { TSilenceView } from "./silence-schemas";

export async function readSilence({ planId }: { planId: string }): Promise<TSilenceView | null> {
  await adoptIfDue(planId);
  const prisma = getPrisma();
  const round = await readCurrentRound(prisma, planId);
  if (!round.id) return null;
  const silence = await prisma.silenceProcedure.findFirst({
    where: { roundId: round.id },
    orderBy: { startedAt: "desc" },
    include: { version: { select: { label: true } }, brokenByDelegation: { select: { name: true } } },
  });
  if (!silence) return null;
  return {
    id: silence.id,
    state: silence.adoptedAt ? "adopted" : silence.brokenAt ? "broken" : "under_silence",
    versionId: silence.versionId,
    revision: silence.version.label,
    endsAt: silence.endsAt.toISOString(),
    startedAt: silence.startedAt.toISOString(),
    adoptedAt: silence.adoptedAt?.toISOString() ?? null,
    brokenAt: silence.brokenAt?.toISOString() ?? null,
    brokenBy: silence.brokenByDelegation?.name ?? null,
    breakReason: silence.breakReason,
  };
}

/** Runs the adoption only when one is due: a plain read costs one indexed count, never a write transaction. */
export async function adoptIfDue(planId: string): Promise<void> {
  const due = await getPrisma().silenceProcedure.count({
    where: { planId, adoptedAt: null, brokenAt: null, endsAt: { lte: new Date() } },
  });
  if (due) await adoptDueSilences({ planId });
}

/** readSilence for the API: any reader of the plan; 404 when there is no such plan. */
export async function readPlanSilence({
  viewer,
  planId,
}: {
  viewer: Actor;
  planId: string;
}): Promise<TSilenceView | null> {
  authorize(viewer, "plan.read");
  if (!(await getPrisma().plan.count({ where: { id: planId } }))) throw new AppError("not_found", "No such plan.");
  return readSilence({ planId });
}

/** What the plan page's negotiation banner shows and offers a viewer. */
export type TSilencePanel = {
  silence: TSilenceView | null;
  /** The current round's revision, which a facilitator may put under silence; null on the zero draft. */
  revision: { versionId: string; label: string } | null;
  /** True while the text is read-only: under silence, or adopted (until a new round opens). */
  isTextLocked: boolean;
  abilities: { start: boolean; break: boolean };
};

export async function readSilencePanel({ viewer, planId }: { viewer: Actor; planId: string }): Promise<TSilencePanel> {
  authorize(viewer, "plan.read");
  const silence = await readSilence({ planId });
  const round = await readCurrentRound(getPrisma(), planId);
  const version = round.revisionId
    ? await getPrisma().planVersion.findUnique({ where: { id: round.revisionId }, select: { label: true } })
    : null;
  const isTextLocked = silence !== null && silence.state !== "broken";
  return {
    silence,
    revision: version && round.revisionId ? { versionId: round.revisionId, label: version.label } : null,
    isTextLocked,
    abilities: {
      start: can(viewer, "silence.start") && !isTextLocked && version !== null,
      break: can(viewer, "silence.break") && silence?.state === "under_silence",
    },
  };
}

/**
 * The procedure an export prints: the one holding the text (under silence, or adopted), when the export is the live
 * draft or that very revision; null otherwise (a broken one holds nothing, an older version is not the one adopted).
 */
export async function readExportSilence({
  planId,
  versionLabel,
}: {
  planId: string;
  versionLabel: string | null;
}): Promise<{ state: "under_silence" | "adopted"; revision: string; endsAt: Date; adoptedAt: Date | null } | null> {
  const silence = await readSilence({ planId });
  if (!silence || silence.state === "broken") return null;
  if (versionLabel !== null && versionLabel !== silence.revision) return null;
  return {
    state: silence.state,
    revision: silence.revision,
    endsAt: new Date(silence.endsAt),
    adoptedAt: silence.adoptedAt ? new Date(silence.adoptedAt) : null,
  };
}
