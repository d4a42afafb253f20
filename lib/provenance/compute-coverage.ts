/**
 * Which points of the dialogue a plan reflects. Each summary item, speaker
 * and delegation is:
 *   covered    — at least one confirmed (or derived) link reaches it;
 *   suspect    — its best link was confirmed, but the passage or the source
 *                has changed since: it needs a facilitator's re-check;
 *   suggested  — only suggested links reach it;
 *   excluded   — a facilitator recorded why it is left out;
 *   uncovered  — nothing reaches it.
 * A speaker is reached through links to their statements or sentences; a
 * delegation through its speakers.
 */
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import type { SummaryListName } from "@/lib/dialogue/types";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import type { CoverageCounts, CoverageStatus } from "./coverage-status";
import { IN_LIVE_SECTION } from "@/lib/plan/section-scope";

export type { CoverageCounts, CoverageStatus } from "./coverage-status";

export type CoverageEntry = {
  id: string;
  key: string;
  label: string;
  status: CoverageStatus;
  exclusionReason: string | null;
};

export type Coverage = {
  lists: Record<SummaryListName, CoverageEntry[]>;
  speakers: CoverageEntry[];
  delegations: CoverageEntry[];
};

const LIVE_STATUSES = ["confirmed", "suggested", "suspect"] as const;
type Reach = "covered" | "suspect" | "suggested";
const REACH_OF_LINK = { confirmed: "covered", suspect: "suspect", suggested: "suggested" } as const;
/** The strongest link decides: confirmed beats suspect beats suggested. */
const REACH_RANK: Record<Reach, number> = { covered: 3, suspect: 2, suggested: 1 };

export async function computeCoverage({ planId, db = getPrisma() }: { planId: string; db?: Tx }): Promise<Coverage> {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { dialogueId: true } });
  const [items, speakers, delegations, links, exclusions] = await Promise.all([
    db.summaryItem.findMany({
      where: { dialogueId: plan.dialogueId },
      orderBy: [{ list: "asc" }, { position: "asc" }],
      select: { id: true, key: true, list: true, text: true },
    }),
    db.speaker.findMany({
      where: { dialogueId: plan.dialogueId },
      orderBy: { key: "asc" },
      select: { id: true, key: true, name: true, delegationId: true },
    }),
    db.delegation.findMany({
      // The annex's delegations took part; the rest of the roster has nothing to cover.
      where: { dialogueId: plan.dialogueId, inAnnex: true },
      orderBy: { position: "asc" },
      select: { id: true, key: true, name: true },
    }),
    // Flat columns only: nested relations would cost a query with thousands of ids each.
    db.provenanceLink.findMany({
      // Coverage follows the structure: a removed section's links reflect nothing in the plan.
      where: { planId, status: { in: [...LIVE_STATUSES] }, ...IN_LIVE_SECTION },
      select: { status: true, summaryItemId: true, statementId: true },
    }),
    db.coverageExclusion.findMany({ where: { planId }, select: { targetType: true, targetId: true, reason: true } }),
  ]);

  const reach = new Map<string, Reach>();
  const mark = (id: string, status: Reach) => {
    const current = reach.get(id);
    if (!current || REACH_RANK[status] > REACH_RANK[current]) reach.set(id, status);
  };
  // A sentence link always carries its statement too, so statements lead to speakers.
  const speakerOfStatement = new Map(
    (
      await db.statement.findMany({ where: { dialogueId: plan.dialogueId }, select: { id: true, speakerId: true } })
    ).map((s) => [s.id, s.speakerId]),
  );
  for (const link of links) {
    const status = REACH_OF_LINK[link.status as (typeof LIVE_STATUSES)[number]];
    if (link.summaryItemId) mark(link.summaryItemId, status);
    const speakerId = link.statementId ? speakerOfStatement.get(link.statementId) : undefined;
    if (speakerId) mark(speakerId, status);
  }
  for (const speaker of speakers) {
    const status = reach.get(speaker.id);
    if (speaker.delegationId && status) mark(speaker.delegationId, status);
  }
  const excluded = new Map(exclusions.map((e) => [`${e.targetType}:${e.targetId}`, e.reason]));
  const entry = (type: string, id: string, key: string, label: string): CoverageEntry => {
    const reason = excluded.get(`${type}:${id}`) ?? null;
    const reached = reach.get(id);
    // A confirmed link outweighs an exclusion: the plan does reflect the point.
    const status: CoverageStatus =
      reached === "covered" ? "covered" : reason !== null ? "excluded" : (reached ?? "uncovered");
    return { id, key, label, status, exclusionReason: reason };
  };
  const lists = Object.fromEntries(SUMMARY_LISTS.map((list) => [list, [] as CoverageEntry[]])) as Record<
    SummaryListName,
    CoverageEntry[]
  >;
  for (const item of items)
    lists[item.list as SummaryListName].push(entry("summary-item", item.id, item.key, item.text));
  return {
    lists,
    speakers: speakers.map((s) => entry("speaker", s.id, s.key, s.name)),
    delegations: delegations.map((d) => entry("delegation", d.id, d.key, d.name)),
  };
}

export function countCoverage(entries: CoverageEntry[]): CoverageCounts {
  const counts: CoverageCounts = { covered: 0, suspect: 0, suggested: 0, excluded: 0, uncovered: 0 };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}
