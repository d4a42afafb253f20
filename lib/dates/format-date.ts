/**
 * Dates as the app shows them, everywhere: fixed to British English and UTC,
 * so the server's render and the browser's agree whatever the reader's
 * locale or time zone (a difference broke hydration, React error #418), and
 * every page writes a date one way. UN documents date themselves "13 May 2009".
 */
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const DAY_AND_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});
const TIME = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

type DateLike = Date | string | number;

/** "13 May 2009". */
export function formatDay(date: DateLike): string {
  return DAY.format(new Date(date));
}

/** "6 Dec 2026, 03:23 UTC". */
export function formatDayAndTime(date: DateLike): string {
  return `${DAY_AND_TIME.format(new Date(date))} UTC`;
}

/** "03:23 UTC". */
export function formatTime(date: DateLike): string {
  return `${TIME.format(new Date(date))} UTC`;
}
