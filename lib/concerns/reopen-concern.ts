/**
 * A facilitator puts an addressed or noted concern back to `raised`, e.g.
 * when the answering passage no longer answers it. The earlier answer or
 * reason stays in the audit log, not on the entry. Audited.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { findConcernForUpdate } from "./concern-access";

export async function reopenConcern({
  actor,
  planId,
  concernId,
}: {
  actor: CurrentUser;
  planId: string;
  concernId: string;
}) {
  authorize(actor, "concern.manage");
  return getPrisma().$transaction(async (tx) => {
    const concern = await findConcernForUpdate(tx, actor, { planId, concernId });
    if (concern.status === "raised") return { id: concern.id, number: concern.number, status: concern.status };
    await tx.concern.update({
      where: { id: concern.id },
      data: {
        status: "raised",
        noteReason: null,
        answerSectionId: null,
        answerBlockId: null,
        answerQuote: null,
        answerLinkId: null,
        decidedById: actor.id,
        decidedAt: new Date(),
      },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "concern.reopen",
      resourceType: "concern",
      resourceId: concern.id,
      detail: {
        planId,
        number: concern.number,
        from: concern.status,
        answerBlockId: concern.answerBlockId,
        noteReason: concern.noteReason,
      },
    });
    return { id: concern.id, number: concern.number, status: "raised" as const };
  });
}
