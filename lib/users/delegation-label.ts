/** "Czech Republic (on behalf of EU), 2009" for a delegation picker. */
export function formatDelegationChoice(d: {
  name: string;
  onBehalfOf: string | null;
  dialogue: { date: Date };
}): string {
  const group = d.onBehalfOf ? ` (on behalf of ${d.onBehalfOf})` : "";
  return `${d.name}${group}, ${d.dialogue.date.getUTCFullYear()}`;
}
