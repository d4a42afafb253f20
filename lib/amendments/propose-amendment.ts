/**
 * A delegate proposes to replace, insert after or delete a piece of a
 * passage, with a rationale, for their own delegation. The target must be in
 * the passage as last saved, so nobody amends text that is already gone.
 * On a whole paragraph (insert one after it, delete it, move it) the
 * paragraph must be a top-level paragraph of the section as last saved, and
 * its text then is recorded with the amendment (lib/amendments/paragraph-change.ts).
 * Numbered per plan, audited, announced to the section's editors.
 */
import { assertTextOpen } from "@/lib/negotiation/negotiation-state";
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, delegationSpokenFor } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isQuoteAmendable } from "./list-amendments";
import { chooseNewParagraphStyle, readAmendableParagraphs } from "./paragraph-change";
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
    // A text under silence, or adopted, takes no more proposals until a new round opens.
    await assertTextOpen(tx, planId);
    await assertBeforeDeadline(tx, { planId, actor, kind: "amendment" });
    const section = await tx.planSection.findFirst({
      where: { planId, key: input.sectionKey, ...LIVE_SECTION },
      select: { id: true, content: true },
    });
    if (!section) throw new AppError("not_found", "No such section in this plan.");
    const target = readTarget(section.content as JSONContent, input);
    // Numbers are handed out one at a time per plan.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`amendments:${planId}`}))`;
    const last = await tx.amendment.aggregate({ where: { planId }, _max: { number: true } });
    const amendment = await tx.amendment.create({
      data: {
        planId,
        sectionId: section.id,
        number: (last._max.number ?? 0) + 1,
        blockId: input.blockId,
        ...target,
        kind: input.kind,
        newText: "newText" in input ? input.newText : "",
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
        ...(input.kind === "move_paragraph" ? { targetBlockId: input.targetBlockId } : {}),
      },
    });
    await sendCollabNotice(tx, { type: "amendments-changed", planId, sectionId: section.id });
    return amendment;
  });
}

type TargetColumns = {
  quoteExact: string;
  quotePrefix?: string;
  quoteSuffix?: string;
  paragraphKind?: string;
  paragraphLevel?: number;
  targetBlockId?: string;
};

/** What the amendment is anchored on, checked against the section as last saved: a quote, or a whole paragraph. */
function readTarget(content: JSONContent, input: TProposeAmendment): TargetColumns {
  if (!("quote" in input)) return readParagraphTarget(content, input);
  if (!isQuoteAmendable(content, input.blockId, input.quote)) {
    throw new AppError(
      "conflict",
      "The selected text is not in this passage as last saved, or spans a citation or a line break; select it again.",
    );
  }
  return { quoteExact: input.quote.exact, quotePrefix: input.quote.prefix, quoteSuffix: input.quote.suffix };
}

type ParagraphInput = Extract<TProposeAmendment, { kind: "insert_paragraph" | "delete_paragraph" | "move_paragraph" }>;

function readParagraphTarget(content: JSONContent, input: ParagraphInput): TargetColumns {
  const paragraphs = readAmendableParagraphs(content);
  const paragraph = paragraphs.get(input.blockId);
  if (!paragraph)
    throw new AppError("conflict", "That paragraph is not in this section as last saved; choose it again.");
  if (input.kind === "insert_paragraph") {
    const { kind, level } = chooseNewParagraphStyle(paragraph, input);
    return { quoteExact: paragraph.text, paragraphKind: kind, paragraphLevel: level };
  }
  if (
    input.kind === "move_paragraph" &&
    (input.targetBlockId === input.blockId || !paragraphs.has(input.targetBlockId))
  )
    throw new AppError(
      "conflict",
      "The paragraph to move it after must be another paragraph of the same section, as last saved.",
    );
  return {
    quoteExact: paragraph.text,
    ...(input.kind === "move_paragraph" ? { targetBlockId: input.targetBlockId } : {}),
  };
}
