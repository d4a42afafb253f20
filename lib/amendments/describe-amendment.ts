/** "Amendment 4 by Bahrain": how the plan's sources, lists and notifications name an amendment. */
export function describeAmendment(amendment: { number: number; delegation: { name: string } | null }): string {
  return `Amendment ${amendment.number} by ${amendment.delegation?.name ?? "the Secretariat"}`;
}
