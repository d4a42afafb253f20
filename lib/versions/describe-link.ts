/**
 * How a version names a provenance link: "Ms. Gupta (panel-2.gupta.s4)",
 * "What the plan should do 3", "Amendment 4 by Bahrain". Stored with the
 * snapshot, so a comparison can still name a source after a plan reset
 * deleted the link row.
 */
import { describeAmendment } from "@/lib/amendments/describe-amendment";
import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { SummaryListName } from "@/lib/dialogue/types";

export type LinkSources = {
  targetKey: string;
  statement: { key: string; speaker: { name: string } } | null;
  sentence: { key: string } | null;
  summaryItem: { list: string; n: number } | null;
  amendment: { number: number; delegation: { name: string } | null } | null;
};

export function describeLink(link: LinkSources): string {
  if (link.amendment) return describeAmendment(link.amendment);
  if (link.summaryItem)
    return `${SUMMARY_LIST_TITLES[link.summaryItem.list as SummaryListName] ?? link.summaryItem.list} ${link.summaryItem.n}`;
  if (link.statement) return `${link.statement.speaker.name} (${link.sentence?.key ?? link.statement.key})`;
  return link.targetKey;
}
