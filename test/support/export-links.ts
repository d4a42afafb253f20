/** Links as the export builder takes them (lib/export/build-export-sections.ts), from the few fields a test cares about. */
import type { TLinkRow } from "@/lib/export/build-export-sections";

export function toExportLinks(
  links: readonly { id: string; blockId: string; status: string }[],
  sectionKey: string,
): TLinkRow[] {
  return links.map((link) => ({
    ...link,
    sectionKey,
    quoteExact: "",
    relation: "supports",
    statementId: null,
    sentenceId: null,
    summaryItemId: null,
    amendmentId: null,
  }));
}
