/**
 * Opens a comment thread on a passage, attributed to the author's delegation
 * (a delegate always acts for their own). Numbered per plan, audited.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, delegationSpokenFor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { sendCollabNotice } from "@/lib/live/channels";
import { AppError } from "@/lib/errors";
import { resolveMentions } from "./mentions";
import { notifyAboutComment } from "./notify-comment";
import type { TCreateThread } from "./schemas";
import { readParagraphReferences } from "@/lib/plan/read-plan-numbering";
import { LIVE_SECTION } from "@/lib/plan/section-scope";
import { assertBeforeDeadline } from "@/lib/negotiation/assert-before-deadline";

export async function createThread({
  actor,
  planId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  input: TCreateThread;
}) {
  authorize(actor, "comment.create");
  if (input.visibility === "facilitators")
    authorize(actor, "comment.facilitatorsOnly", undefined, "Only facilitators can open a facilitators-only thread.");
  return getPrisma().$transaction(async (tx) => {
    await assertBeforeDeadline(tx, { planId, actor, kind: "comment" });
    const section = await tx.planSection.findFirst({
      where: { planId, key: input.sectionKey, ...LIVE_SECTION },
      select: { id: true, plan: { select: { dialogueId: true } } },
    });
    if (!section) throw new AppError("not_found", "No such section in this plan.");
    // Numbers are handed out one at a time per plan.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`threads:${planId}`}))`;
    const last = await tx.commentThread.aggregate({ where: { planId }, _max: { number: true } });
    const delegationId = delegationSpokenFor(actor);
    const thread = await tx.commentThread.create({
      data: {
        planId,
        sectionId: section.id,
        number: (last._max.number ?? 0) + 1,
        blockId: input.blockId,
        quoteExact: input.quote.exact,
        quotePrefix: input.quote.prefix,
        quoteSuffix: input.quote.suffix,
        stance: input.stance,
        visibility: input.visibility,
        delegationId,
        authorId: actor.id,
        comments: {
          create: {
            authorId: actor.id,
            delegationId,
            body: input.body,
            paragraphRefs: await readParagraphReferences(tx, { planId, text: input.body }),
          },
        },
      },
      include: { comments: { select: { id: true } } },
    });
    const mentions = await resolveMentions(tx, { body: input.body, dialogueId: section.plan.dialogueId });
    if (mentions.length)
      await tx.commentMention.createMany({ data: mentions.map((m) => ({ commentId: thread.comments[0].id, ...m })) });
    await notifyAboutComment(tx, { actor, thread, mentions, isReply: false });
    // Delivered on commit: the collaboration server then marks the quoted text, and plan-wide pages show the thread.
    await sendCollabNotice(tx, {
      type: "anchor-thread",
      threadId: thread.id,
      planId,
      sectionId: section.id,
      visibility: thread.visibility,
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "comment.thread_create",
      resourceType: "comment_thread",
      resourceId: thread.id,
      detail: {
        planId,
        number: thread.number,
        sectionKey: input.sectionKey,
        blockId: input.blockId,
        stance: input.stance,
        visibility: input.visibility,
      },
    });
    return { id: thread.id, number: thread.number, commentId: thread.comments[0].id };
  });
}
