/**
 * A facilitator confirms or rejects a suggested source, re-confirms or
 * removes a suspect one, or rejects a confirmed one ("Not a source": a
 * mis-click on Confirm is not final). A rejected link stays in the database
 * with status "rejected": that is the memory that keeps it from being
 * suggested again for the same passage. Confirming takes a fingerprint of the
 * passage as it reads now, so a later change in substance makes the link
 * suspect again. Every decision is audited, and the coverage board hears of it.
 */
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendCollabNotice } from "@/lib/live/channels";
import { fingerprintSavedPassage } from "./passage-fingerprint";

export const ZDecideLink = z.object({ decision: z.enum(["confirm", "reject", "remove"]) });

const OUTCOME = { confirm: "confirmed", reject: "rejected", remove: "removed" } as const;
const AUDIT_ACTION = {
  confirm: "provenance.confirm",
  reject: "provenance.reject",
  remove: "provenance.remove",
} as const;
export type TDecideLink = z.infer<typeof ZDecideLink>;

export async function decideLink({
  actor,
  planId,
  linkId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  linkId: string;
  input: TDecideLink;
}) {
  authorize(actor, "provenance.confirm");
  return getPrisma().$transaction(async (tx) => {
    const link = await tx.provenanceLink.findFirst({ where: { id: linkId, planId } });
    if (!link) throw new AppError("not_found", "No such link in this plan.");
    checkDecision(link, input.decision);
    const status = OUTCOME[input.decision];
    const fingerprint =
      status === "confirmed" ? await fingerprintSavedPassage(tx, link.sectionId, link.blockId) : link.fingerprint;
    // Conditional on the status read above, so of two racing decisions only one wins.
    const decided = await tx.provenanceLink.updateMany({
      where: { id: linkId, status: link.status },
      data: { status, confirmedById: actor.id, confirmedAt: new Date(), fingerprint },
    });
    if (decided.count === 0) throw new AppError("conflict", "Someone else decided this link just now.");
    const updated = { id: linkId, status };
    await appendAudit(tx, {
      userId: actor.id,
      action: AUDIT_ACTION[input.decision],
      resourceType: "provenance_link",
      resourceId: linkId,
      detail: {
        planId,
        sectionId: link.sectionId,
        blockId: link.blockId,
        targetKey: link.targetKey,
        from: link.status,
      },
    });
    await sendCollabNotice(tx, { type: "links-changed", planId, sectionId: link.sectionId });
    return updated;
  });
}

/** Which decisions each status allows; a conflict, saying why, otherwise. */
function checkDecision(
  link: { status: string; cited: boolean; amendmentId: string | null },
  decision: TDecideLink["decision"],
): void {
  if (link.status === "confirmed") {
    if (decision !== "reject") throw new AppError("conflict", "This link is already confirmed.");
    if (link.amendmentId)
      throw new AppError("conflict", "An accepted amendment's link records the decision; it stays.");
    if (link.cited) throw new AppError("conflict", "The text cites this source: delete the citation first.");
    return;
  }
  if (link.status !== "suggested" && link.status !== "suspect")
    throw new AppError("conflict", `This link is already ${link.status}.`);
  if (decision === "remove" && link.status !== "suspect")
    throw new AppError("conflict", "Only a suspect link is removed; reject a suggestion instead.");
}
