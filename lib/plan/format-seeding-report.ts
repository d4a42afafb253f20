/**
 * The seeding report as plain text for the command line: one line per list
 * item, its sections and how it was matched; items that fell back or found no
 * section are marked "!!" in the margin and counted at the end.
 */
import type { ReportRow, SeedingReport } from "./seeding-report";

const MARGIN: Record<ReportRow["state"], string> = { placed: "  ", fell_back: "!!", not_placed: "!!" };

export function formatSeedingReport(report: SeedingReport): string {
  const lines = [`Seeding report: ${report.title} (${report.templateName})`, ""];
  for (const row of report.rows) {
    const where = row.placements.length
      ? row.placements.map((p) => `${p.sectionTitle} [${p.method.replace("_", " ")}: ${p.evidence}]`).join("; ")
      : "no section: it fits none";
    lines.push(`${MARGIN[row.state]} ${row.list}-${row.n}  ${row.text}`, `     → ${where}`);
  }
  const { placed, fell_back: fellBack, not_placed: notPlaced } = report.counts;
  lines.push("", `${placed} placed, ${fellBack} fell back to the fallback section, ${notPlaced} in no section.`);
  return lines.join("\n") + "\n";
}
