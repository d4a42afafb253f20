/**
 * Where a plan's negotiation stands: its current round (the highest-numbered, or an implicit round 1 on the zero
 * draft while no revision has been issued) and its silence procedure, if one is open or ended the round in adoption.
 * The text is read-only while a revision is under silence and once it is adopted, until a new round opens; every
 * writer of the text asks `assertTextOpen` inside its transaction, so the rule lives here alone.
 */
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type Db = Tx | PrismaClient;

export type CurrentRound = {
  /** Null for the implicit round 1, which has no row until a facilitator sets one of its deadlines. */
  id: string | null;
  number: number;
  /** The N of Rev.N; 0 for the zero draft. */
  revision: number;
  revisionId: string | null;
  commentDeadline: Date | null;
  amendmentDeadline: Date | null;
  openedAt: Date | null;
};

export const FIRST_ROUND: CurrentRound = {
  id: null,
  number: 1,
  revision: 0,
  revisionId: null,
  commentDeadline: null,
  amendmentDeadline: null,
  openedAt: null,
};

export async function readCurrentRound(db: Db, planId: string): Promise<CurrentRound> {
  const round = await db.negotiationRound.findFirst({ where: { planId }, orderBy: { number: "desc" } });
  return round ?? FIRST_ROUND;
}

export type TextLock = { state: "under_silence" | "adopted"; versionId: string; endsAt: Date; adoptedAt: Date | null };

/** The silence procedure that keeps the current round's text read-only, if any. */
export async function readTextLock(db: Db, planId: string): Promise<TextLock | null> {
  const round = await readCurrentRound(db, planId);
  if (!round.id) return null;
  const silence = await db.silenceProcedure.findFirst({
    where: { roundId: round.id, brokenAt: null },
    orderBy: { startedAt: "desc" },
  });
  if (!silence) return null;
  return {
    state: silence.adoptedAt ? "adopted" : "under_silence",
    versionId: silence.versionId,
    endsAt: silence.endsAt,
    adoptedAt: silence.adoptedAt,
  };
}

/** Refuses (409) a change to the text while it is under silence or adopted. */
export async function assertTextOpen(db: Db, planId: string): Promise<void> {
  // Holds the plan's row (key share) until the writer's transaction ends. Putting the text under silence takes that
  // row for update (lib/negotiation/start-silence.ts), so it waits for writers already past this check, and a writer
  // that comes after it waits here and then reads the lock: no edit slips in between the check and the commit.
  await db.$queryRaw`SELECT 1 FROM "Plan" WHERE "id" = ${planId} FOR KEY SHARE`;
  const lock = await readTextLock(db, planId);
  if (!lock) return;
  throw new AppError(
    "conflict",
    lock.state === "adopted"
      ? "The text was adopted under silence; it is read-only until a facilitator opens a new round."
      : "The text is under a silence procedure; it is read-only until silence ends or is broken.",
    { negotiation: lock.state },
  );
}
