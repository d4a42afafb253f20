/**
 * A delegate proposes to replace, insert after or delete a piece of a
 * passage, with a rationale, for their own delegation. The target must be in
 * the passage as last saved, so nobody amends text that is already gone.
 * Numbered per plan, audited, announced to the section's editors.
 */
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, delegationSpokenFor } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isQuoteAmendable } from "./list-amendments";
import type { TProposeAmendment } from "./schemas";
import { readParagraphReferences } from "@/lib/plan/read-plan-numbering";
import { LIVE_SECTION } from "@/lib/plan/section-scope";
import { assertBeforeDeadline } from "@/lib/negotiation/assert-before-deadline";

export async function proposeAmendment({
  actor,
  planId,
  input,
}: {
  actor: CurrentUser;
  planId: string;
  input: TProposeAmendment;
}) {
  authorize(actor, "amendment.propose");
  return getPrisma().$transaction(async (tx) => {
    await assertBeforeDeadline(tx, { planId, actor, kind: "amendment" });
    const section = await tx.planSection.findFirst({
      where: { planId, key: input.sectionKey, ...LIVE_SECTION },
      select: { id: true, content: true },
    });
    if (!section) throw new AppError("not_found", "No such section in this plan.");
    if (!isQuoteAmendable(section.content as JSONContent, input.blockId, input.quote)) {
      throw new AppError(
        "conflict",
        "The selected text is not in this passage as last saved, or spans a citation or a line break; select it again.",
      );
    }
    // Numbers are handed out one at a time per plan.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`amendments:${planId}`}))`;
    const last = await tx.amendment.aggregate({ where: { planId }, _max: { number: true } });
    const amendment = await tx.amendment.create({
      data: {
        planId,
        sectionId: section.id,
        number: (last._max.number ?? 0) + 1,
        blockId: input.blockId,
        quoteExact: input.quote.exact,
        quotePrefix: input.quote.prefix,
        quoteSuffix: input.quote.suffix,
        kind: input.kind,
        newText: input.kind === "delete" ? "" : input.newText,
        rationale: input.rationale,
        rationaleRefs: await readParagraphReferences(tx, { planId, text: input.rationale }),
        delegationId: delegationSpokenFor(actor),
        authorId: actor.id,
      },
      select: { id: true, number: true },
    });
    await appendAudit(tx, {
      userId: actor.id,
      action: "amendment.propose",
      resourceType: "amendment",
      resourceId: amendment.id,
      detail: {
        planId,
        number: amendment.number,
        sectionKey: input.sectionKey,
        blockId: input.blockId,
        kind: input.kind,
      },
    });
    await sendCollabNotice(tx, { type: "amendments-changed", planId, sectionId: section.id });
    return amendment;
  });
}
