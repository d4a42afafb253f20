/**
 * Replies, edits and deletions in a thread. An author edits their own comment
 * for 15 minutes; a deletion (by the author, or a facilitator moderating)
 * leaves a tombstone so the replies keep their place. All audited.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, delegationSpokenFor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceThreadsChanged } from "./announce";
import { resolveMentions } from "./mentions";
import type { Mention } from "./mentions";
import { notifyAboutComment } from "./notify-comment";
import { EDIT_WINDOW_MS } from "./schemas";
import type { TReply } from "./schemas";
import { findVisibleThread } from "./thread-access";
import { readParagraphReferences } from "@/lib/plan/read-plan-numbering";
import { assertBeforeDeadline } from "@/lib/negotiation/assert-before-deadline";

type ThreadTarget = { planId: string; threadId: string };

export async function replyToThread({
  actor,
  target,
  input,
}: {
  actor: CurrentUser;
  target: ThreadTarget;
  input: TReply;
}) {
  authorize(actor, "comment.create");
  return getPrisma().$transaction(async (tx) => {
    const thread = await findVisibleThread(tx, actor, target);
    await assertBeforeDeadline(tx, { planId: target.planId, actor, kind: "comment" });
    const delegationId = delegationSpokenFor(actor);
    const comment = await tx.comment.create({
      data: {
        threadId: target.threadId,
        authorId: actor.id,
        delegationId,
        body: input.body,
        paragraphRefs: await readParagraphReferences(tx, { planId: target.planId, text: input.body }),
      },
      select: { id: true },
    });
    const mentions = await recordMentions(tx, { planId: target.planId, commentId: comment.id, body: input.body });
    await notifyAboutComment(tx, { actor, thread, mentions, isReply: true });
    await tx.commentThread.update({ where: { id: target.threadId }, data: { updatedAt: new Date() } });
    await appendAudit(tx, {
      userId: actor.id,
      action: "comment.reply",
      resourceType: "comment",
      resourceId: comment.id,
      detail: { ...target },
    });
    await announceThreadsChanged(tx, thread);
    return comment;
  });
}

export async function editComment({
  actor,
  target,
  commentId,
  input,
  now = new Date(),
}: {
  actor: CurrentUser;
  target: ThreadTarget;
  commentId: string;
  input: TReply;
  now?: Date;
}) {
  authorize(actor, "comment.edit");
  return getPrisma().$transaction(async (tx) => {
    const comment = await findComment(tx, actor, target, commentId);
    authorize(actor, "comment.edit", comment, "Only its author may edit a comment.");
    if (comment.deletedAt) throw new AppError("conflict", "This comment was deleted.");
    if (now.getTime() - comment.createdAt.getTime() > EDIT_WINDOW_MS) {
      throw new AppError("conflict", "Comments can be edited for 15 minutes; reply instead.");
    }
    await tx.comment.update({
      where: { id: commentId },
      data: {
        body: input.body,
        editedAt: now,
        paragraphRefs: await readParagraphReferences(tx, { planId: target.planId, text: input.body }),
      },
    });
    const before = await tx.commentMention.findMany({
      where: { commentId },
      select: { userId: true, delegationId: true },
    });
    await tx.commentMention.deleteMany({ where: { commentId } });
    const after = await recordMentions(tx, { planId: target.planId, commentId, body: input.body });
    // Only mentions the edit added are announced, and never to someone this author already told of a
    // mention in this thread since writing the comment (e.g. a mention removed, then put back).
    const hadBefore = new Set(before.map((m) => m.userId ?? `delegation:${m.delegationId}`));
    const added = after.filter((m) => !hadBefore.has("userId" in m ? m.userId : `delegation:${m.delegationId}`));
    if (added.length) {
      const alreadyTold = await tx.notification.findMany({
        where: {
          kind: "mention",
          resourceType: "comment_thread",
          resourceId: comment.thread.id,
          actorId: actor.id,
          createdAt: { gte: comment.createdAt },
        },
        select: { userId: true },
      });
      await notifyAboutComment(tx, {
        actor,
        thread: comment.thread,
        mentions: added,
        isReply: false,
        skipUserIds: alreadyTold.map((n) => n.userId),
      });
    }
    await appendAudit(tx, {
      userId: actor.id,
      action: "comment.edit",
      resourceType: "comment",
      resourceId: commentId,
      detail: { ...target },
    });
    await announceThreadsChanged(tx, comment.thread);
    return { id: commentId, editedAt: now };
  });
}

export async function deleteComment({
  actor,
  target,
  commentId,
}: {
  actor: CurrentUser;
  target: ThreadTarget;
  commentId: string;
}) {
  authorize(actor, "comment.delete");
  return getPrisma().$transaction(async (tx) => {
    const comment = await findComment(tx, actor, target, commentId);
    authorize(actor, "comment.delete", comment, "Only its author or a facilitator may delete a comment.");
    if (comment.deletedAt) return { id: commentId, deletedAt: comment.deletedAt };
    const deletedAt = new Date();
    await tx.comment.update({ where: { id: commentId }, data: { body: "", deletedAt } });
    await tx.commentMention.deleteMany({ where: { commentId } });
    await appendAudit(tx, {
      userId: actor.id,
      action: "comment.delete",
      resourceType: "comment",
      resourceId: commentId,
      detail: { ...target, byAuthor: comment.authorId === actor.id },
    });
    await announceThreadsChanged(tx, comment.thread);
    return { id: commentId, deletedAt };
  });
}

async function findComment(tx: Tx, actor: CurrentUser, target: ThreadTarget, commentId: string) {
  const thread = await findVisibleThread(tx, actor, target);
  const comment = await tx.comment.findFirst({ where: { id: commentId, threadId: target.threadId } });
  if (!comment) throw new AppError("not_found", "No such comment in this thread.");
  return { ...comment, thread };
}

async function recordMentions(
  tx: Tx,
  { planId, commentId, body }: { planId: string; commentId: string; body: string },
): Promise<Mention[]> {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { dialogueId: true } });
  const mentions = await resolveMentions(tx, { body, dialogueId: plan.dialogueId });
  if (mentions.length) await tx.commentMention.createMany({ data: mentions.map((m) => ({ commentId, ...m })) });
  return mentions;
}
