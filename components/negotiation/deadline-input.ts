/**
 * Deadlines are typed in UTC, as every date in the app is shown (lib/dates/format-date.ts): a datetime-local field
 * holds "2026-12-10T15:00:05", read here as that instant in UTC.
 */

/** The field's value for an instant ("" for none). */
export function toDeadlineInput(iso: string | null): string {
  return iso ? iso.slice(0, 19) : "";
}

/** The instant a field's value names, as the API takes it; null for an empty field. */
export function fromDeadlineInput(value: string): string | null {
  if (!value) return null;
  return new Date(`${value.length === 16 ? `${value}:00` : value}Z`).toISOString();
}
