import type { RosterReport } from "./build-delegation-rows";

/**
 * The import's roster report in two sentences, for the CLI and the upload page:
 * "52 annex names mapped onto the roster (renamed: Korea → Republic of Korea, …).
 *  Not a State or group, kept as a speaker's affiliation: UNESCO, WGTC."
 */
export function describeRosterReport(report: RosterReport): string[] {
  const renamed = report.mapped.filter((m) => m.name !== m.rosterName).map((m) => `${m.name} → ${m.rosterName}`);
  const lines = [
    `${report.mapped.length} annex names mapped onto the roster` +
      (renamed.length ? ` (renamed: ${renamed.join(", ")}).` : "."),
  ];
  if (report.unmapped.length) {
    lines.push(`Not a State or group, kept as a speaker's affiliation: ${report.unmapped.join(", ")}.`);
  }
  return lines;
}
