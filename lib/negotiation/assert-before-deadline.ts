/**
 * The round's deadlines, enforced: once the comment deadline has passed, no
 * new thread or reply is taken; once the amendment deadline has, no new
 * amendment. Facilitators and admins (negotiation.manage) are not bound: as
 * in UN practice, the chairs keep working on the text and answering
 * delegations after the delegations' inputs are closed.
 * Called inside the writer's transaction, before anything is written.
 */
import { can } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";
import { formatDayAndTime } from "@/lib/dates/format-date";
import { AppError } from "@/lib/errors";
import { readCurrentRound } from "./negotiation-state";
import type { DeadlineKind } from "./schemas";

const WHAT: Record<DeadlineKind, string> = { comment: "comments", amendment: "amendments" };

export async function assertBeforeDeadline(
  tx: Tx,
  { planId, actor, kind, now = new Date() }: { planId: string; actor: Actor; kind: DeadlineKind; now?: Date },
): Promise<void> {
  if (can(actor, "negotiation.manage")) return;
  const round = await readCurrentRound(tx, planId);
  const deadline = kind === "comment" ? round.commentDeadline : round.amendmentDeadline;
  if (!deadline || now.getTime() < deadline.getTime()) return;
  throw new AppError(
    "conflict",
    `The deadline for this round was ${formatDayAndTime(deadline)}: new ${WHAT[kind]} are no longer taken.`,
    { deadline: deadline.toISOString(), deadlineKind: kind },
  );
}
