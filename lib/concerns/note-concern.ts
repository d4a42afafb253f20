/**
 * A facilitator notes a concern: it is deliberately not answered by a
 * passage, and the register says why. Any earlier answer is cleared from the
 * entry (a provenance link it confirmed stays: it is a separate fact about
 * the passage, decided on the plan page). Audited.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { findConcernForUpdate } from "./concern-access";
import type { TNoteConcern } from "./schemas";

export async function noteConcern({
  actor,
  planId,
  concernId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  concernId: string;
  input: TNoteConcern;
}) {
  authorize(actor, "concern.manage");
  return getPrisma().$transaction(async (tx) => {
    const concern = await findConcernForUpdate(tx, actor, { planId, concernId });
    if (concern.status === "noted" && concern.noteReason === input.reason)
      return { id: concern.id, number: concern.number, status: concern.status };
    await tx.concern.update({
      where: { id: concern.id },
      data: {
        status: "noted",
        noteReason: input.reason,
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
      action: "concern.note",
      resourceType: "concern",
      resourceId: concern.id,
      detail: { planId, number: concern.number, from: concern.status, reason: input.reason },
    });
    return { id: concern.id, number: concern.number, status: "noted" as const };
  });
}
