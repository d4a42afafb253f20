/** Display names shared by the reader and anything that cites a dialogue. */
import type { SummaryListName } from "./types";

export function formatMeetingDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export const SUMMARY_LIST_TITLES: Record<SummaryListName, string> = {
  consensus: "Consensus",
  gaps: "Gaps in the response",
  inFavour: "Arguments in favour",
  should: "What the plan should do",
  concerns: "Concerns",
};
