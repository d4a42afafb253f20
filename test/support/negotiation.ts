/**
 * Rounds and revisions for tests of the silence procedure, written the way "Issue Rev.N" writes them (a named
 * version and the round it opens) until that feature lands; then tests can call it instead.
 */
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { readCurrentRound } from "@/lib/negotiation/negotiation-state";
import { createVersion } from "@/lib/versions/create-version";

/** Issues the next revision ("Rev.N") of the plan and opens the round that works on it. */
export async function issueTestRevision({
  actor,
  planId,
}: {
  actor: Actor;
  planId: string;
}): Promise<{ versionId: string; roundId: string; label: string }> {
  const prisma = getPrisma();
  const current = await readCurrentRound(prisma, planId);
  const label = `Rev.${current.revision + 1}`;
  const version = await createVersion({ actor, planId, input: { label } });
  const round = await prisma.negotiationRound.create({
    data: {
      planId,
      number: current.number + 1,
      revision: current.revision + 1,
      revisionId: version.id,
      openedById: actor.id,
    },
  });
  return { versionId: version.id, roundId: round.id, label };
}

/** Moves a procedure's deadline into the past, as if its time had come (the test does not wait for the clock). */
export async function letSilenceEnd(silenceId: string): Promise<void> {
  await getPrisma().silenceProcedure.update({
    where: { id: silenceId },
    data: { endsAt: new Date(Date.now() - 1000) },
  });
}
