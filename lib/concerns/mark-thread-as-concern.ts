/**
 * A facilitator puts a comment thread on the concern register. The entry is
 * attributed to the thread's delegation and inherits the thread's visibility:
 * a facilitators-only thread gives a concern only facilitators can see.
 * A thread goes on the register once. Audited, one transaction.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { announceThreadsChanged } from "@/lib/comments/announce";
import { findVisibleThread } from "@/lib/comments/thread-access";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ensureConcernRegister } from "./ensure-concern-register";
import type { TMarkThreadAsConcern } from "./schemas";

export async function markThreadAsConcern({
  actor,
  planId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  input: TMarkThreadAsConcern;
}) {
  authorize(actor, "concern.manage");
  return getPrisma().$transaction(async (tx) => {
    const thread = await findVisibleThread(tx, actor, { planId, threadId: input.threadId });
    const existing = await tx.concern.findUnique({ where: { threadId: thread.id }, select: { number: true } });
    if (existing)
      throw new AppError("conflict", `This comment is already on the concern register as concern ${existing.number}.`);
    // The dialogue's concerns come first on a register, so they keep numbers 1…n.
    await ensureConcernRegister({ planId, tx });
    const opening = await tx.comment.findFirst({
      where: { threadId: thread.id, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: { body: true },
    });
    const text = input.text ?? opening?.body;
    if (!text)
      throw new AppError("invalid", "The opening comment was deleted: say what the concern is.", { field: "text" });
    const last = await tx.concern.aggregate({ where: { planId }, _max: { number: true } });
    const concern = await tx.concern.create({
      data: {
        planId,
        number: (last._max.number ?? 0) + 1,
        origin: "comment",
        threadId: thread.id,
        text,
        delegationId: thread.delegationId,
        createdById: actor.id,
      },
      select: { id: true, number: true, status: true },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "concern.raise",
      resourceType: "concern",
      resourceId: concern.id,
      detail: {
        planId,
        number: concern.number,
        threadId: thread.id,
        threadNumber: thread.number,
        delegationId: thread.delegationId,
      },
    });
    // The comment panels fetch their threads again and show the thread is on the register.
    await announceThreadsChanged(tx, thread);
    return concern;
  });
}
