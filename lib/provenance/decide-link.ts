/**
 * A facilitator confirms or rejects a suggested source. A rejected link stays
 * in the database with status "rejected": that is the memory that keeps it
 * from being suggested again for the same passage.
 */
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const ZDecideLink = z.object({ decision: z.enum(["confirm", "reject"]) });
export type TDecideLink = z.infer<typeof ZDecideLink>;

export async function decideLink({ actor, planId, linkId, input }: { actor: CurrentUser; planId: string; linkId: string; input: TDecideLink }) {
  authorize(actor, "provenance.confirm");
  return getPrisma().$transaction(async (tx) => {
    const link = await tx.provenanceLink.findFirst({ where: { id: linkId, planId } });
    if (!link) throw new AppError("not_found", "No such link in this plan.");
    if (link.status !== "suggested" && link.status !== "suspect") {
      throw new AppError("conflict", `This link is already ${link.status}.`);
    }
    const isConfirm = input.decision === "confirm";
    // Conditional on the status read above, so of two racing decisions only one wins.
    const decided = await tx.provenanceLink.updateMany({
      where: { id: linkId, status: link.status },
      data: { status: isConfirm ? "confirmed" : "rejected", confirmedById: actor.id, confirmedAt: new Date() },
    });
    if (decided.count === 0) throw new AppError("conflict", "Someone else decided this link just now.");
    const updated = { id: linkId, status: isConfirm ? ("confirmed" as const) : ("rejected" as const) };
    await appendAudit(tx, {
      userId: actor.id, action: isConfirm ? "provenance.confirm" : "provenance.reject", resourceType: "provenance_link", resourceId: linkId,
      detail: { planId, sectionId: link.sectionId, blockId: link.blockId, targetKey: link.targetKey, from: link.status },
    });
    return updated;
  });
}
