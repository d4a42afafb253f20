/**
 * One click on a live suggestion for a passage: confirm it (a confirmed link)
 * or reject it (a rejected link, which keeps it from being suggested again
 * for that passage). Audited.
 */
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { JSONContent } from "@tiptap/core";
import { findPassage } from "@/lib/editor/passages";
import { fingerprintSavedPassage } from "./passage-fingerprint";
import { sendCollabNotice } from "@/lib/live/channels";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export const ZLinkSuggestedSource = z.object({
  sectionKey: z.string().min(1).max(100),
  blockId: z.string().max(200).default(""),
  targetKey: z.string().regex(/^(sentence|summary-item):.+$/, "must be sentence:<id> or summary-item:<id>"),
  decision: z.enum(["confirm", "reject"]),
  /** Defaults to responds_to_concern for a concern, supports otherwise. */
  relation: z.enum(["derived_from", "supports", "quotes", "responds_to_concern"]).optional(),
});
export type TLinkSuggestedSource = z.infer<typeof ZLinkSuggestedSource>;

export async function linkSuggestedSource({
  actor,
  planId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  input: TLinkSuggestedSource;
}) {
  authorize(actor, "provenance.confirm");
  return getPrisma().$transaction(async (tx) => {
    const section = await tx.planSection.findFirst({
      where: { planId, key: input.sectionKey, ...LIVE_SECTION },
      include: { plan: { select: { dialogueId: true } } },
    });
    if (!section) throw new AppError("not_found", "No such section in this plan.");
    const block = input.blockId ? findPassage(section.content as JSONContent, input.blockId) : null;
    if (input.blockId && !block)
      throw new AppError("invalid", "No such passage in this section.", { field: "blockId" });
    const { isConcern, ...target } = await resolveTarget(tx, input.targetKey, section.plan.dialogueId);
    const relation = input.relation ?? (isConcern ? "responds_to_concern" : "supports");
    const status = input.decision === "confirm" ? ("confirmed" as const) : ("rejected" as const);
    const fingerprint = status === "confirmed" ? await fingerprintSavedPassage(tx, section.id, input.blockId) : null;
    const decided = { status, confirmedById: actor.id, confirmedAt: new Date(), fingerprint };
    const key = { sectionId: section.id, blockId: input.blockId, targetKey: input.targetKey, relation };
    const existing = await tx.provenanceLink.findUnique({
      where: { sectionId_blockId_targetKey_relation: key },
      select: { id: true, status: true },
    });
    // A decided link is changed through its own decision, never overwritten by a new suggestion.
    if (existing && (existing.status === "confirmed" || existing.status === "rejected")) {
      throw new AppError("conflict", `This source is already ${existing.status} for this passage.`);
    }
    const link = existing
      ? await tx.provenanceLink.update({
          where: { id: existing.id },
          data: decided,
          select: { id: true, status: true },
        })
      : await tx.provenanceLink.create({
          data: { planId, ...key, quoteExact: block?.text ?? "", createdById: actor.id, ...target, ...decided },
          select: { id: true, status: true },
        });
    await appendAudit(tx, {
      userId: actor.id,
      action: status === "confirmed" ? "provenance.confirm" : "provenance.reject",
      resourceType: "provenance_link",
      resourceId: link.id,
      detail: {
        planId,
        sectionKey: input.sectionKey,
        blockId: input.blockId,
        targetKey: input.targetKey,
        relation,
        from: existing?.status ?? null,
      },
    });
    await sendCollabNotice(tx, { type: "links-changed", planId, sectionId: section.id });
    return link;
  });
}

/** The link columns for a target key, after checking it belongs to the plan's dialogue. */
export async function resolveTarget(tx: Tx, targetKey: string, dialogueId: string) {
  const [kind, ...rest] = targetKey.split(":");
  const id = rest.join(":");
  if (kind === "sentence") {
    const sentence = await tx.sentence.findFirst({
      where: { id, dialogueId },
      select: { id: true, statementId: true },
    });
    if (sentence)
      return {
        targetType: "statement" as const,
        statementId: sentence.statementId,
        sentenceId: sentence.id,
        isConcern: false,
      };
  } else {
    const item = await tx.summaryItem.findFirst({ where: { id, dialogueId }, select: { id: true, list: true } });
    if (item)
      return { targetType: "summary_item" as const, summaryItemId: item.id, isConcern: item.list === "concerns" };
  }
  throw new AppError("invalid", "That source is not part of this plan's dialogue.", { field: "targetKey" });
}
