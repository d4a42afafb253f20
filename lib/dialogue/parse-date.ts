/** Finds a meeting date written in English ("13 May 2009", "May 13, 2009", "Wednesday, 6 April 2011"). */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = `(${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`;
// "13 May 2009", also the first day of "12-13 May 2009".
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:\\s*(?:[-–]|and|&)\\s*\\d{1,2})?(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`,
  "i",
);
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?,?\\s+(\\d{4})\\b`,
  "i",
);

export type FoundDate = { iso: string; match: string };

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

// "30 November – 1 December 2020": a meeting over two months starts on the first.
const CROSS_MONTH_RANGE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s*(?:[-–—]|to|and)\\s*\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`,
  "i",
);

export function findDate(text: string): FoundDate | null {
  const range = CROSS_MONTH_RANGE.exec(text);
  if (range) return toFoundDate(Number(range[4]), range[2], Number(range[1]), range[0]);
  const iso = ISO_DATE.exec(text);
  if (iso) return toFoundDate(Number(iso[1]), MONTHS[Number(iso[2]) - 1] ?? "", Number(iso[3]), iso[0]);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return toFoundDate(Number(dmy[3]), dmy[2], Number(dmy[1]), dmy[0]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return toFoundDate(Number(mdy[3]), mdy[1], Number(mdy[2]), mdy[0]);
  return null;
}

function toFoundDate(year: number, monthName: string, day: number, match: string): FoundDate | null {
  if (!monthName) return null;
  const month = MONTHS.findIndex((m) => m.startsWith(monthName.toLowerCase().slice(0, 3))) + 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCDate() !== day) return null; // e.g. 31 April
  return { iso: date.toISOString().slice(0, 10), match };
}
