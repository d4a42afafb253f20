/**
 * Carrying the pending amendments over to a new revision's text. Each one
 * names its target as (blockId, quote); in the new text the target is looked
 * for where it was, then, if its paragraph moved (even to another section,
 * or pasted under a new id), in the one passage of the plan that holds it:
 *   - found: the amendment stays valid, on its paragraph's new place;
 *   - not found: its target text changed, so it is recorded as stale since
 *     this revision, shown as such, and can no longer be accepted.
 * A whole-paragraph target (insert after, delete or move a paragraph) is the
 * same pair with the paragraph's full text as its quote. Set-based: the text
 * is read once and the rows are written in two statements, whatever the
 * number of amendments.
 */
import type { JSONContent } from "@tiptap/core";
import type { Tx } from "@/lib/db";
import { locateQuote } from "@/lib/editor/passage-anchor";
import { readPassages } from "@/lib/editor/passages";
import type { Passage } from "@/lib/editor/passages";
import { sendCollabNotices } from "@/lib/live/channels";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export type Quote = { exact: string; prefix: string; suffix: string };
export type AmendmentTarget = { sectionId: string; blockId: string; quote: Quote };
export type TargetPlace = { sectionId: string; blockId: string };

type PlacedPassage = { sectionId: string; passage: Passage };

/** The live text, passage by passage, to look targets up in. */
export type TextIndex = { byBlock: Map<string, PlacedPassage>; all: PlacedPassage[] };

export function indexText(sections: readonly { id: string; content: unknown }[]): TextIndex {
  const all = sections.flatMap((section) =>
    readPassages(section.content as JSONContent).map((passage) => ({ sectionId: section.id, passage })),
  );
  return { byBlock: new Map(all.map((placed) => [placed.passage.blockId, placed])), all };
}

/** Whether the passage holds the quote as an amendment can change it (within one run), or is the whole paragraph quoted. */
function holdsQuote(passage: Passage, quote: Quote): boolean {
  if (quote.exact === passage.text) return true;
  return passage.runs.some((run) => locateQuote(run, quote) !== -1);
}

/** Only a quote with its surroundings, or a whole paragraph, is distinctive enough to follow to another passage. */
function holdsQuoteInContext(passage: Passage, quote: Quote): boolean {
  if (quote.exact === passage.text) return true;
  const whole = quote.prefix + quote.exact + quote.suffix;
  return whole.length > quote.exact.length && passage.runs.some((run) => run.includes(whole));
}

/** Where the target lies in the text now; null when its text changed (the amendment is stale). */
export function relocateTarget(index: TextIndex, target: AmendmentTarget): TargetPlace | null {
  const same = index.byBlock.get(target.blockId);
  if (same && holdsQuote(same.passage, target.quote)) return { sectionId: same.sectionId, blockId: target.blockId };
  // Its paragraph was rewritten, or moved under a new id: followed only when exactly one passage holds it.
  const holders = index.all.filter(({ passage }) => holdsQuoteInContext(passage, target.quote));
  if (holders.length !== 1) return null;
  return { sectionId: holders[0].sectionId, blockId: holders[0].passage.blockId };
}

export type CarryOverResult = { valid: number; moved: number; stale: number };

/** Carries the plan's pending, still-valid amendments over to its text as stored now, inside the caller's transaction. */
export async function carryOverAmendments(
  tx: Tx,
  { planId, revision }: { planId: string; revision: number },
): Promise<CarryOverResult> {
  // One query at a time: a transaction's connection runs them in turn anyway (pg deprecates overlapping them).
  const sections = await tx.planSection.findMany({
    where: { planId, ...LIVE_SECTION },
    select: { id: true, content: true },
  });
  // Amendments kept with a removed section wait for it to be restored: they are neither carried nor stale.
  const amendments = await tx.amendment.findMany({
    where: { planId, status: "pending", staleSinceRevision: null, section: LIVE_SECTION },
    select: { id: true, sectionId: true, blockId: true, quoteExact: true, quotePrefix: true, quoteSuffix: true },
  });
  const index = indexText(sections);
  const moved: { id: string; sectionId: string; blockId: string }[] = [];
  const stale: string[] = [];
  const touchedSections = new Set<string>();
  for (const amendment of amendments) {
    const place = relocateTarget(index, {
      sectionId: amendment.sectionId,
      blockId: amendment.blockId,
      quote: { exact: amendment.quoteExact, prefix: amendment.quotePrefix, suffix: amendment.quoteSuffix },
    });
    if (!place) {
      stale.push(amendment.id);
      touchedSections.add(amendment.sectionId);
    } else if (place.sectionId !== amendment.sectionId || place.blockId !== amendment.blockId) {
      moved.push({ id: amendment.id, ...place });
      touchedSections.add(amendment.sectionId).add(place.sectionId);
    }
  }
  if (moved.length) {
    await tx.$executeRaw`
      UPDATE "Amendment" AS a
      SET "sectionId" = m."sectionId", "blockId" = m."blockId", "updatedAt" = now()
      FROM unnest(${moved.map((m) => m.id)}::text[], ${moved.map((m) => m.sectionId)}::text[],
                  ${moved.map((m) => m.blockId)}::text[]) AS m(id, "sectionId", "blockId")
      WHERE a.id = m.id`;
  }
  if (stale.length) {
    await tx.amendment.updateMany({ where: { id: { in: stale } }, data: { staleSinceRevision: revision } });
  }
  await sendCollabNotices(
    tx,
    [...touchedSections].map((sectionId) => ({ type: "amendments-changed" as const, planId, sectionId })),
  );
  return { valid: amendments.length - stale.length, moved: moved.length, stale: stale.length };
}
