/**
 * A facilitator records the passage that answers a concern. The passage must
 * be a block of the section's current (saved) text. For a dialogue concern
 * the answer is also provenance: the passage's responds_to_concern link to
 * the item is created, or confirmed if it was suggested, suspect or rejected.
 * The raising delegation's members are notified. Audited, one transaction:
 * if any step fails, nothing is written.
 */
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { seesFacilitatorThreads } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { findPassage } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { fingerprintPassage } from "@/lib/provenance/fingerprint";
import { findConcernForUpdate } from "./concern-access";
import type { TAddressConcern } from "./schemas";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export async function addressConcern({
  actor,
  planId,
  concernId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  concernId: string;
  input: TAddressConcern;
}) {
  authorize(actor, "concern.manage");
  return getPrisma().$transaction(async (tx) => {
    const concern = await findConcernForUpdate(tx, actor, { planId, concernId });
    const section = await tx.planSection.findFirst({
      where: { planId, key: input.sectionKey, ...LIVE_SECTION },
      select: { id: true, key: true, title: true, content: true },
    });
    if (!section) throw new AppError("invalid", "No such section in this plan.", { field: "sectionKey" });
    const block = findPassage(section.content as JSONContent, input.blockId);
    if (!block) throw new AppError("invalid", "No such passage in this section's current text.", { field: "blockId" });
    if (
      concern.status === "addressed" &&
      concern.answerSectionId === section.id &&
      concern.answerBlockId === block.blockId
    ) {
      return { id: concern.id, number: concern.number, status: concern.status, linkId: concern.answerLinkId };
    }
    const linkId = concern.summaryItem
      ? await confirmResponseLink(tx, { actor, planId, section, block, summaryItemId: concern.summaryItem.id })
      : null;
    const decidedAt = new Date();
    await tx.concern.update({
      where: { id: concern.id },
      data: {
        status: "addressed",
        answerSectionId: section.id,
        answerBlockId: block.blockId,
        answerQuote: block.text,
        answerLinkId: linkId,
        noteReason: null,
        decidedById: actor.id,
        decidedAt,
      },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "concern.address",
      resourceType: "concern",
      resourceId: concern.id,
      detail: {
        planId,
        number: concern.number,
        from: concern.status,
        sectionKey: section.key,
        blockId: block.blockId,
        linkId,
      },
    });
    if (concern.delegationId) {
      await notify(tx, {
        kind: "concern_addressed",
        recipients: { delegationIds: [concern.delegationId] },
        actorId: actor.id,
        planId,
        title: `Concern ${concern.number} was addressed in “${section.title}”`,
        href: `/plans/${planId}/concerns#concern-${concern.number}`,
        resource: { type: "concern", id: concern.id },
        // A concern from a facilitators-only thread is news only to those who may see the thread.
        audience:
          concern.thread?.visibility === "facilitators"
            ? (user) => seesFacilitatorThreads(user as Pick<CurrentUser, "role">)
            : undefined,
      });
    }
    return { id: concern.id, number: concern.number, status: "addressed" as const, linkId };
  });
}

type Section = { id: string; key: string };
type Block = { blockId: string; text: string };

/** The passage's confirmed responds_to_concern link to the dialogue item, created or confirmed now. */
async function confirmResponseLink(
  tx: Tx,
  {
    actor,
    planId,
    section,
    block,
    summaryItemId,
  }: { actor: CurrentUser; planId: string; section: Section; block: Block; summaryItemId: string },
) {
  const targetKey = `summary-item:${summaryItemId}`;
  const key = { sectionId: section.id, blockId: block.blockId, targetKey, relation: "responds_to_concern" as const };
  const existing = await tx.provenanceLink.findUnique({
    where: { sectionId_blockId_targetKey_relation: key },
    select: { id: true, status: true },
  });
  if (existing?.status === "confirmed") return existing.id;
  // Confirming takes the passage's fingerprint, so a later change in substance makes the link suspect.
  const confirmed = {
    status: "confirmed" as const,
    confirmedById: actor.id,
    confirmedAt: new Date(),
    fingerprint: fingerprintPassage(block.text),
    quoteExact: block.text,
  };
  const link = existing
    ? await tx.provenanceLink.update({ where: { id: existing.id }, data: confirmed, select: { id: true } })
    : await tx.provenanceLink.create({
        data: { planId, ...key, targetType: "summary_item", summaryItemId, createdById: actor.id, ...confirmed },
        select: { id: true },
      });
  await appendAudit(tx, {
    userId: actor.id,
    action: "provenance.confirm",
    resourceType: "provenance_link",
    resourceId: link.id,
    detail: {
      planId,
      sectionKey: section.key,
      blockId: block.blockId,
      targetKey,
      relation: "responds_to_concern",
      from: existing?.status ?? null,
      via: "concern.address",
    },
  });
  return link.id;
}
