/**
 * After each save, the section's provenance links are brought in line with
 * its text (Doorstop-style "suspect links"):
 *   - a citation deleted from the text marks its link `removed` (audited),
 *     and one that comes back (undo) restores it;
 *   - a citation moved to another passage moves its link there;
 *   - a confirmed link whose passage changed beyond whitespace and
 *     punctuation, or vanished, becomes `suspect` until someone re-confirms it.
 * Section-wide links (no passage) have nothing to drift from and are left alone.
 */
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Tx } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { fingerprintPassage } from "@/lib/provenance/fingerprint";
import { sendCollabNotice } from "@/lib/live/channels";

export type ReconcileResult = { removed: string[]; restored: string[]; moved: string[]; suspect: string[] };

type Change = { planId: string; sectionId: string; before: JSONContent; after: JSONContent; actorId: string | null };

export async function reconcileLinks(tx: Tx, change: Change): Promise<ReconcileResult> {
  const { removed, restored } = await syncCitedLinks(tx, change);
  const moved = await moveCitedLinks(tx, change);
  const suspect = await markSuspectLinks(tx, change, new Set(moved));
  if (removed.length || restored.length || moved.length || suspect.length)
    await sendCollabNotice(tx, { type: "links-changed", planId: change.planId, sectionId: change.sectionId });
  return { removed, restored, moved, suspect };
}

/**
 * A link becomes `cited` when a save first finds its citation in the text
 * (not when "Cite" is clicked: the node may still be on its way), and is
 * removed when a later save no longer does — compared with the flag, not
 * with the last save, since a citation may come and go between saves.
 */
async function syncCitedLinks(tx: Tx, { planId, sectionId, after, actorId }: Change) {
  const citedNow = [...new Set(readPassages(after).flatMap((p) => p.citations))];
  if (citedNow.length) {
    await tx.provenanceLink.updateMany({
      where: { planId, sectionId, id: { in: citedNow }, cited: false, status: { in: ["confirmed", "suspect"] } },
      data: { cited: true },
    });
  }
  const gone = await tx.provenanceLink.findMany({
    where: { planId, sectionId, cited: true, status: { in: ["confirmed", "suspect"] }, id: { notIn: citedNow } },
    select: { id: true },
  });
  const back = await tx.provenanceLink.findMany({
    where: { planId, sectionId, status: "removed", id: { in: citedNow } },
    select: { id: true },
  });
  const removed = gone.map((l) => l.id);
  const restored = back.map((l) => l.id);
  if (removed.length)
    await tx.provenanceLink.updateMany({ where: { id: { in: removed } }, data: { status: "removed" } });
  // A restored link vouches for the passage as it now reads (the next check takes the fingerprint).
  if (restored.length)
    await tx.provenanceLink.updateMany({
      where: { id: { in: restored } },
      data: { status: "confirmed", cited: true, fingerprint: null },
    });
  for (const id of removed) await audit(tx, actorId, "provenance.citation_removed", id, { planId, sectionId });
  for (const id of restored) await audit(tx, actorId, "provenance.citation_restored", id, { planId, sectionId });
  return { removed, restored };
}

/** A citation cut from one passage and pasted into another takes its link along; the new passage has not been vouched for, so it is suspect. */
async function moveCitedLinks(tx: Tx, { planId, sectionId, after, actorId }: Change): Promise<string[]> {
  const citations = readPassages(after).flatMap((p) => p.citations.map((linkId) => ({ linkId, blockId: p.blockId })));
  if (!citations.length) return [];
  const links = await tx.provenanceLink.findMany({
    where: { id: { in: citations.map((c) => c.linkId) }, planId, sectionId, status: { in: ["confirmed", "suspect"] } },
    select: { id: true, blockId: true, targetKey: true, relation: true },
  });
  const moved: string[] = [];
  for (const link of links) {
    const blockId = citations.find((c) => c.linkId === link.id)!.blockId;
    if (!blockId || blockId === link.blockId) continue;
    const clash = await tx.provenanceLink.findUnique({
      where: {
        sectionId_blockId_targetKey_relation: {
          sectionId,
          blockId,
          targetKey: link.targetKey,
          relation: link.relation,
        },
      },
      select: { id: true },
    });
    if (clash) continue;
    await tx.provenanceLink.update({ where: { id: link.id }, data: { blockId, status: "suspect" } });
    await audit(tx, actorId, "provenance.citation_moved", link.id, {
      planId,
      sectionId,
      from: link.blockId,
      to: blockId,
    });
    moved.push(link.id);
  }
  return moved;
}

async function markSuspectLinks(
  tx: Tx,
  { planId, sectionId, before, after, actorId }: Change,
  skip: Set<string>,
): Promise<string[]> {
  const links = await tx.provenanceLink.findMany({
    where: { planId, sectionId, status: "confirmed", blockId: { not: "" } },
    select: { id: true, blockId: true, fingerprint: true },
  });
  const textBefore = new Map(readPassages(before).map((p) => [p.blockId, p.text]));
  const textAfter = new Map(readPassages(after).map((p) => [p.blockId, p.text]));
  const suspect: string[] = [];
  for (const link of links) {
    if (skip.has(link.id)) continue;
    // Links confirmed before fingerprints existed vouch for the text as last saved.
    const vouchedFor =
      link.fingerprint ?? (textBefore.has(link.blockId) ? fingerprintPassage(textBefore.get(link.blockId)!) : null);
    const now = textAfter.get(link.blockId);
    if (now !== undefined && vouchedFor === fingerprintPassage(now)) {
      if (!link.fingerprint)
        await tx.provenanceLink.update({ where: { id: link.id }, data: { fingerprint: vouchedFor } });
      continue;
    }
    await tx.provenanceLink.update({ where: { id: link.id }, data: { status: "suspect", fingerprint: vouchedFor } });
    await audit(tx, actorId, "provenance.suspect", link.id, {
      planId,
      sectionId,
      blockId: link.blockId,
      reason: now === undefined ? "passage deleted" : "passage changed",
    });
    suspect.push(link.id);
  }
  return suspect;
}

function audit(tx: Tx, userId: string | null, action: string, linkId: string, detail: Record<string, string>) {
  return appendAudit(tx, { userId, action, resourceType: "provenance_link", resourceId: linkId, detail });
}
