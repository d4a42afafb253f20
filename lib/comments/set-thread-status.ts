/** Resolves or reopens a thread: facilitators, and the delegation that opened it. Audited. */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { authorize } from "@/lib/auth/policies";
import { announceThreadsChanged } from "./announce";
import type { TThreadStatus } from "./schemas";
import { findVisibleThread } from "./thread-access";

export async function setThreadStatus({
  actor,
  target,
  input,
}: {
  actor: CurrentUser;
  target: { planId: string; threadId: string };
  input: TThreadStatus;
}) {
  // Before the transaction too: a role that may never resolve is refused without locking a row.
  authorize(actor, "comment.resolve");
  return getPrisma().$transaction(async (tx) => {
    const thread = await findVisibleThread(tx, actor, target);
    authorize(
      actor,
      "comment.resolve",
      thread,
      "Only facilitators and the delegation that opened it may resolve or reopen this thread.",
    );
    if (thread.status === input.status) return { id: thread.id, status: thread.status };
    const isResolving = input.status === "resolved";
    await tx.commentThread.update({
      where: { id: thread.id },
      data: {
        status: input.status,
        resolvedById: isResolving ? actor.id : null,
        resolvedAt: isResolving ? new Date() : null,
      },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: isResolving ? "comment.resolve" : "comment.reopen",
      resourceType: "comment_thread",
      resourceId: thread.id,
      detail: { ...target },
    });
    await announceThreadsChanged(tx, thread);
    return { id: thread.id, status: input.status };
  });
}
