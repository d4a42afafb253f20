/**
 * "Cite" in the editor: a facilitator puts a citation of a source at the
 * cursor. The link behind it is created, or — when the source was suggested,
 * suspect, rejected or removed for that passage — confirmed, since citing it
 * is the decision. The editor then inserts the citation node carrying the
 * returned link id. The passage may be new (not saved yet), so its text comes
 * with the request; the next save checks it against the real text.
 */
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZBlockId } from "@/lib/plan/passage-schemas";
import { fingerprintPassage } from "./fingerprint";
import { resolveTarget } from "./link-suggested-source";
import { sendCollabNotice } from "@/lib/live/channels";
import { assertTextOpen } from "@/lib/negotiation/negotiation-state";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export const ZCiteSource = z.object({
  sectionKey: z.string().min(1).max(100),
  blockId: ZBlockId,
  targetKey: z
    .string()
    .regex(/^(sentence|summary-item):.+$/, "must be sentence:<id> or summary-item:<id>")
    .max(300),
  quote: z.object({
    exact: z.string().max(5000),
    prefix: z.string().max(200).default(""),
    suffix: z.string().max(200).default(""),
  }),
  relation: z.enum(["derived_from", "supports", "quotes", "responds_to_concern"]).optional(),
});
export type TCiteSource = z.infer<typeof ZCiteSource>;

export async function citeSource({ actor, planId, input }: { actor: CurrentUser; planId: string; input: TCiteSource }) {
  authorize(actor, "plan.edit");
  authorize(actor, "provenance.confirm");
  return getPrisma().$transaction(async (tx) => {
    // Citing puts a citation into the text: not while it is under silence or adopted (409).
    await assertTextOpen(tx, planId);
    const section = await tx.planSection.findFirst({
      where: { planId, key: input.sectionKey, ...LIVE_SECTION },
      select: { id: true, plan: { select: { dialogueId: true } } },
    });
    if (!section) throw new AppError("not_found", "No such section in this plan.");
    const { isConcern, ...target } = await resolveTarget(tx, input.targetKey, section.plan.dialogueId);
    const relation = input.relation ?? (isConcern ? "responds_to_concern" : "supports");
    const key = { sectionId: section.id, blockId: input.blockId, targetKey: input.targetKey, relation };
    const existing = await tx.provenanceLink.findUnique({
      where: { sectionId_blockId_targetKey_relation: key },
      select: { id: true, status: true },
    });
    const confirmed = {
      status: "confirmed" as const,
      confirmedById: actor.id,
      confirmedAt: new Date(),
      fingerprint: fingerprintPassage(input.quote.exact),
      quoteExact: input.quote.exact,
      quotePrefix: input.quote.prefix,
      quoteSuffix: input.quote.suffix,
    };
    const link =
      existing?.status === "confirmed"
        ? existing
        : existing
          ? await tx.provenanceLink.update({
              where: { id: existing.id },
              data: confirmed,
              select: { id: true, status: true },
            })
          : await tx.provenanceLink.create({
              data: { planId, ...key, ...target, createdById: actor.id, ...confirmed },
              select: { id: true, status: true },
            });
    await appendAudit(tx, {
      userId: actor.id,
      action: "provenance.cite",
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
    return { linkId: link.id, status: "confirmed" as const, created: !existing };
  });
}
