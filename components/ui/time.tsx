import { formatDay, formatDayAndTime } from "@/lib/dates/format-date";

/** A date as every page shows it (lib/dates/format-date.ts), with its machine-readable value. */
export function Time({ date, withTime = true }: { date: Date | string; withTime?: boolean }) {
  const value = new Date(date);
  return <time dateTime={value.toISOString()}>{withTime ? formatDayAndTime(value) : formatDay(value)}</time>;
}
