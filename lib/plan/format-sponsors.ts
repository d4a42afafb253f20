/**
 * Sponsors as the UN prints them above a draft: "Portugal and Cabo Verde",
 * "Algeria, Brazil and Chile"; an empty string for none.
 */
export function formatSponsors(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
