/**
 * A facilitator sets a paragraph's status: pending, agreed ad ref or agreed.
 * Read from the section's stored text under its row lock, so a save cannot
 * slip in between the check and the write. A paragraph with an open bracket
 * cannot be `agreed` (409 naming the bracket); `agreed ad ref` — agreed
 * subject to the rest of the text — is allowed, as brackets elsewhere in it
 * are what "ad ref" leaves open.
 */
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/policies";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { nameDelegations } from "@/lib/editor/brackets";
import { findPassage } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import { sendCollabNotice } from "@/lib/live/channels";
import { lockSection } from "@/lib/plan/section-document";
import { shortenAtWord } from "@/lib/text/shorten";
import { readStatusText } from "./paragraph-status-text";
import { fromStoredStatus, toStoredStatus, ZParagraphStatus } from "./paragraph-statuses";
import type { TParagraphStatus } from "./paragraph-statuses";

export const ZSetParagraphStatus = z.object({
  status: ZParagraphStatus,
  /**
   * The paragraph as the facilitator's editor shows it (readStatusText). When it is not yet what is stored (an edit
   * still on its way to the server), the status is refused: set now, it would drop back to pending as that edit lands.
   */
  text: z.string().max(100_000).optional(),
});
export type TSetParagraphStatus = z.infer<typeof ZSetParagraphStatus>;

export async function setParagraphStatus({
  actor,
  planId,
  sectionId,
  blockId,
  input,
}: {
  actor: Actor;
  planId: string;
  sectionId: string;
  blockId: string;
  input: TSetParagraphStatus;
}): Promise<{ blockId: string; status: TParagraphStatus }> {
  authorize(actor, "paragraph.status");
  return getPrisma().$transaction(async (tx) => {
    const { content } = await lockSection(tx, { planId, sectionId });
    const passage = findPassage(content as JSONContent, blockId);
    if (!passage) throw new AppError("not_found", "No such paragraph in this section.");
    if (input.text !== undefined && input.text !== readStatusText(passage))
      throw new AppError(
        "conflict",
        "The paragraph has changes that are not saved yet; set its status again once the section shows Saved.",
        { field: "text" },
      );
    const open = passage.brackets[0];
    if (input.status === "agreed" && open)
      throw new AppError(
        "conflict",
        `The paragraph still has an open bracket, “${shortenAtWord(open.text, 120)}” (${nameDelegations(
          open.options?.flatMap((option) => option.delegations) ?? open.delegations,
        )}); resolve it before marking the paragraph agreed.`,
        { bracketId: open.bracketId },
      );
    const before = await tx.paragraphStatus.findUnique({ where: { sectionId_blockId: { sectionId, blockId } } });
    const from = before ? fromStoredStatus(before.status) : "pending";
    if (input.status === "pending") await tx.paragraphStatus.deleteMany({ where: { sectionId, blockId } });
    else {
      const row = {
        status: toStoredStatus(input.status),
        text: readStatusText(passage),
        setById: actor.id,
        setAt: new Date(),
      };
      await tx.paragraphStatus.upsert({
        where: { sectionId_blockId: { sectionId, blockId } },
        create: { planId, sectionId, blockId, ...row },
        update: row,
      });
    }
    await appendAudit(tx, {
      userId: actor.id,
      action: "paragraph.status_set",
      resourceType: "paragraph",
      resourceId: blockId,
      detail: { planId, sectionId, from, to: input.status, text: shortenAtWord(passage.text, 300) },
    });
    await sendCollabNotice(tx, { type: "paragraph-status-changed", planId, sectionId });
    return { blockId, status: input.status };
  });
}
