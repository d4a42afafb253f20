import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import type { Coverage } from "@/lib/provenance/compute-coverage";
import type { CoverageGroup } from "./coverage-points";

/** The groups a coverage filter can choose: each agreed list, then speakers and delegations. */
export const COVERAGE_GROUP_KEYS = [...SUMMARY_LISTS, "speakers", "delegations"] as const;
export type CoverageGroupKey = (typeof COVERAGE_GROUP_KEYS)[number];

/** The dialogue's points in the board's groups, in that order, leaving out the groups this dialogue has none of. */
export function toCoverageGroups(coverage: Coverage): (CoverageGroup & { key: CoverageGroupKey })[] {
  return [
    ...SUMMARY_LISTS.map((list) => ({
      key: list,
      title: SUMMARY_LIST_TITLES[list],
      entries: coverage.lists[list],
      type: "summary-item" as const,
    })),
    { key: "speakers" as const, title: "Speakers", entries: coverage.speakers, type: "speaker" as const },
    { key: "delegations" as const, title: "Delegations", entries: coverage.delegations, type: "delegation" as const },
  ].filter((g) => g.entries.length > 0);
}
