/**
 * On every save of a section (lib/plan/section-document.ts), a paragraph
 * whose words changed since its status was set, or which is gone, drops back
 * to pending: its row is deleted and the audit log says who changed what,
 * from which status, with the words before and after.
 */
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Tx } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { sendCollabNotice } from "@/lib/live/channels";
import { shortenAtWord } from "@/lib/text/shorten";
import { readStatusText } from "./paragraph-status-text";
import { fromStoredStatus } from "./paragraph-statuses";

/** How much of the paragraph the audit row keeps, before and after. */
const EXCERPT_CHARS = 300;

export async function dropChangedStatuses(
  tx: Tx,
  {
    planId,
    sectionId,
    after,
    actorId,
  }: { planId: string; sectionId: string; after: JSONContent; actorId: string | null },
): Promise<string[]> {
  const rows = await tx.paragraphStatus.findMany({ where: { sectionId } });
  if (!rows.length) return [];
  const textOf = new Map(readPassages(after).map((passage) => [passage.blockId, readStatusText(passage)]));
  const changed = rows.filter((row) => textOf.get(row.blockId) !== row.text);
  if (!changed.length) return [];
  await tx.paragraphStatus.deleteMany({ where: { sectionId, blockId: { in: changed.map((row) => row.blockId) } } });
  for (const row of changed) {
    const now = textOf.get(row.blockId);
    await appendAudit(tx, {
      userId: actorId,
      action: "paragraph.status_dropped",
      resourceType: "paragraph",
      resourceId: row.blockId,
      detail: {
        planId,
        sectionId,
        from: fromStoredStatus(row.status),
        to: "pending",
        before: shortenAtWord(row.text, EXCERPT_CHARS),
        after: now === undefined ? null : shortenAtWord(now, EXCERPT_CHARS),
      },
    });
  }
  await sendCollabNotice(tx, { type: "paragraph-status-changed", planId, sectionId });
  return changed.map((row) => row.blockId);
}
