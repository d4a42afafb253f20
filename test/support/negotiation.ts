/**
 * Rounds and revisions for tests of the silence procedure: a revision issued the way a facilitator issues one
 * (lib/negotiation/issue-revision.ts), without waiting on the collaboration servers to store live edits.
 */
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { issueRevision } from "@/lib/negotiation/issue-revision";

/** Issues the next revision ("Rev.N") of the plan and opens the round that works on it. */
export async function issueTestRevision({
  actor,
  planId,
}: {
  actor: Actor;
  planId: string;
}): Promise<{ versionId: string; roundId: string; label: string }> {
  const { version, round } = await issueRevision({ actor, planId });
  return { versionId: version.id, roundId: round.id, label: version.label };
}

/** Moves a procedure's deadline into the past, as if its time had come (the test does not wait for the clock). */
export async function letSilenceEnd(silenceId: string): Promise<void> {
  await getPrisma().silenceProcedure.update({
    where: { id: silenceId },
    data: { endsAt: new Date(Date.now() - 1000) },
  });
}
