/** Display names shared by the reader and anything that cites a dialogue. */
import type { SummaryListName } from "./types";

export const SUMMARY_LIST_TITLES: Record<SummaryListName, string> = {
  consensus: "Consensus",
  gaps: "Gaps in the response",
  inFavour: "Arguments in favour",
  should: "What the plan should do",
  concerns: "Concerns",
};

/** "Panel 2" for a panel; otherwise the heading, with "OPENING SESSION" put in sentence case. */
export function formatSegmentLabel(segment: { kind: string; number: number | null; title: string }): string {
  if (segment.kind === "panel") return `Panel ${segment.number}`;
  const { title } = segment;
  return title === title.toUpperCase() ? title.charAt(0) + title.slice(1).toLowerCase() : title;
}

/** "1 statement", "4 statements". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
