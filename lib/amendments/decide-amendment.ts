/**
 * A facilitator accepts or rejects a pending amendment. Accepting edits the
 * section through Yjs in this same transaction — the text, the amendment's
 * status and the provenance link "amendment N by <delegation>" commit
 * together or not at all — and then tells the collaboration servers to merge
 * the stored document into the live one, so every editor sees it at once.
 * A stale amendment (its target text is gone) cannot be accepted. The
 * proposing and co-sponsoring delegations are notified; all audited.
 */
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { editSectionState } from "@/lib/plan/section-document";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { findPassage } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { fingerprintPassage } from "@/lib/provenance/fingerprint";
import { assertPending, lockAmendment } from "./amendment-access";
import { describeAmendment } from "./describe-amendment";
import { applyAmendment } from "./apply-amendment";
import type { TDecideAmendment } from "./schemas";

type Target = { planId: string; amendmentId: string };
type LockedAmendment = Awaited<ReturnType<typeof lockAmendment>>;

export async function decideAmendment({
  actor,
  target,
  input,
}: {
  actor: CurrentUser;
  target: Target;
  input: TDecideAmendment;
}) {
  authorize(actor, "amendment.decide");
  return getPrisma().$transaction(async (tx) => {
    const amendment = await lockAmendment(tx, target);
    assertPending(amendment);
    const status = input.decision === "accept" ? ("accepted" as const) : ("rejected" as const);
    const linkId = status === "accepted" ? await applyToText(tx, amendment, actor) : null;
    const decidedAt = new Date();
    await tx.amendment.update({
      where: { id: amendment.id },
      data: { status, decidedById: actor.id, decidedAt, decisionReason: input.reason ?? null },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: `amendment.${status === "accepted" ? "accept" : "reject"}`,
      resourceType: "amendment",
      resourceId: amendment.id,
      detail: { planId: target.planId, number: amendment.number, reason: input.reason ?? null, linkId },
    });
    await notify(tx, {
      kind: "amendment_decision",
      actorId: actor.id,
      planId: target.planId,
      recipients: {
        userIds: amendment.authorId ? [amendment.authorId] : [],
        delegationIds: [amendment.delegationId, ...amendment.sponsors.map((s) => s.delegationId)].filter(
          (id): id is string => id !== null,
        ),
      },
      title: `${describeAmendment(amendment)} was ${status}`,
      href: `/plans/${target.planId}/amendments#amendment-${amendment.number}`,
      resource: { type: "amendment", id: amendment.id },
    });
    await sendCollabNotice(tx, { type: "amendments-changed", planId: target.planId, sectionId: amendment.sectionId });
    return { amendmentId: amendment.id, status, decidedAt, linkId };
  });
}

/**
 * Changes the text and records the amendment as a source of the passage that
 * now carries its words; returns the link's id. Deleting or moving a whole
 * paragraph adds no words, so it links nothing (null).
 */
async function applyToText(tx: Tx, amendment: LockedAmendment, actor: CurrentUser): Promise<string | null> {
  // Recorded when a revision's text no longer held its target (lib/negotiation/carry-over-amendments.ts).
  if (amendment.staleSinceRevision !== null)
    throw new AppError(
      "conflict",
      `Amendment ${amendment.number} is stale since Rev.${amendment.staleSinceRevision}: its target text changed in that revision.`,
    );
  const section = { planId: amendment.planId, sectionId: amendment.sectionId };
  // Its text is out of the plan until a version brings the section back; rejecting it stays possible.
  const { removedAt } = await tx.planSection.findUniqueOrThrow({
    where: { id: section.sectionId },
    select: { removedAt: true },
  });
  if (removedAt)
    throw new AppError("conflict", "Its section was removed from the plan: restore the section to accept it.");
  const change = {
    kind: amendment.kind,
    blockId: amendment.blockId,
    newText: amendment.newText,
    quote: { exact: amendment.quoteExact, prefix: amendment.quotePrefix, suffix: amendment.quoteSuffix },
    quoteExact: amendment.quoteExact,
    targetBlockId: amendment.targetBlockId,
    paragraphKind: amendment.paragraphKind,
    paragraphLevel: amendment.paragraphLevel,
  };
  const { result: blockId, content } = await editSectionState(tx, section, {
    edit: (doc) => applyAmendment(doc, change),
    actorId: actor.id,
  });
  if (blockId === false)
    throw new AppError(
      "conflict",
      `Amendment ${amendment.number} is stale: its target text is no longer in the passage.`,
    );
  await sendCollabNotice(tx, { type: "merge-stored", ...section });
  if (amendment.kind === "delete_paragraph" || amendment.kind === "move_paragraph") return null;
  const passage = findPassage(content as JSONContent, blockId);
  const link = await tx.provenanceLink.create({
    data: {
      ...section,
      blockId,
      quoteExact: amendment.newText,
      targetType: "amendment",
      targetKey: `amendment:${amendment.id}`,
      amendmentId: amendment.id,
      relation: "derived_from",
      status: "confirmed",
      createdById: amendment.authorId,
      confirmedById: actor.id,
      confirmedAt: new Date(),
      fingerprint: passage ? fingerprintPassage(passage.text) : null,
    },
    select: { id: true },
  });
  return link.id;
}
