/** Reads the speaker from the opening of a numbered statement. */
import { foldSpace, removeFootnoteMarkers, stripMarkdown } from "./text";

// Titles that may precede a name, longest first so "H.E." wins over "H.".
const HONORIFICS = [
  "His Royal Highness",
  "Her Royal Highness",
  "His Excellency",
  "Her Excellency",
  "His Holiness",
  "H.R.H.",
  "H.E.",
  "H.H.",
  "Mr.",
  "Mrs.",
  "Ms.",
  "Mx.",
  "Miss",
  "Dr.",
  "Prof.",
  "Professor",
  "Ambassador",
  "Shaikh",
  "Sheikh",
  "Sheikha",
  "Sir",
  "Dame",
  "Hon.",
  "Honourable",
  "Rev.",
  "Reverend",
  "Msgr.",
  "Monsignor",
  "Archbishop",
  "Bishop",
  "Cardinal",
  "Judge",
  "Justice",
  "Senator",
  "Sen.",
  "Rep.",
  "Prince",
  "Princess",
  "Lord",
  "Lady",
  "Baroness",
  "Baron",
  "Madam",
  "Mme.",
  "Mme",
  "Mr",
  "Mrs",
  "Ms",
  "Dr",
];

// Reporting verbs in the present tense or irregular past that do not end in "-ed".
const OTHER_REPORTING_VERBS = new Set([
  "spoke",
  "said",
  "gave",
  "made",
  "took",
  "began",
  "led",
  "drew",
  "put",
  "set",
  "told",
  "held",
  "brought",
  "thought",
  "sought",
  "saw",
  "wrote",
  "read",
  "felt",
  "found",
  "meant",
  "urges",
  "says",
  "stresses",
  "notes",
  "highlights",
  "calls",
  "underlines",
  "emphasizes",
  "emphasises",
  "describes",
  "refers",
  "states",
  "speaks",
  "shares",
  "outlines",
  "welcomes",
  "recalls",
]);

// Past participles that describe an office rather than report speech.
const NON_REPORTING_PARTICIPLES = new Set([
  "based",
  "appointed",
  "elected",
  "designated",
  "accredited",
  "united",
  "charged",
  "mandated",
  "seconded",
  "assigned",
  "attached",
  "located",
  "headquartered",
]);

type StatementOpeningRest = { affiliation: string | null; body: string };

export type StatementOpening = {
  name: string;
  honorific: string | null;
  affiliation: string | null;
  /** The statement body, starting at its reporting verb, with Markdown still in it. */
  body: string;
};

/**
 * Splits "**H.E. Mr. Name**, Affiliation, Office, stressed that ..." into
 * name, honorific, affiliation and body. Returns null when the item does not
 * open with a bold name.
 */
export function parseStatementOpening(item: string): StatementOpening | null {
  const bold = /^\s*(?:\*\*(.+?)\*\*|__(.+?)__)/.exec(item);
  if (!bold) return null;
  const boldText = foldSpace(bold[1] ?? bold[2]).replace(/[,:;]$/, "");
  // Some summaries put the office inside the bold too: "**Ms. Name, Minister of X**,".
  const comma = boldText.indexOf(",");
  const fullName = comma >= 0 ? boldText.slice(0, comma) : boldText;
  const boldOffice = comma >= 0 ? boldText.slice(comma + 1).trim() : "";
  const { honorific, name } = splitHonorific(stripMarkdown(fullName));
  if (!name) return null;
  let rest = removeFootnoteMarkers(item.slice(bold[0].length)).replace(/^\s+/, "");
  // "**Name** — Office — said": dashes around the office instead of commas.
  rest = rest.replace(/^[—–]\s*([^—–]+?)\s*[—–]\s*/, ", $1, ");
  // "**Name** (Brazil) said" or "**Name** (Philippines), Secretary of …, said": the country they speak for.
  const country = /^\(([^()]+)\)\s*/.exec(rest);
  if (country) rest = rest.slice(country[0].length);
  if (boldOffice) rest = `, ${boldOffice}, ${rest.replace(/^,\s*/, "")}`;
  if (country) return { name, honorific, ...withCountry(country[1], rest) };
  if (!rest.startsWith(",")) return { name, honorific, affiliation: null, body: rest };
  rest = rest.slice(1);
  const { affiliation, body } = splitAffiliation(rest);
  return { name, honorific, affiliation, body };
}

/** Adds a parenthetical country to the office, so the annex link finds it. */
function withCountry(country: string, rest: string): StatementOpeningRest {
  if (!rest.startsWith(",")) return { affiliation: country, body: rest };
  const { affiliation, body } = splitAffiliation(rest.slice(1));
  return { affiliation: affiliation ? `${affiliation} (${country})` : country, body };
}

/** "H.E. Mr. Miguel D’Escoto Brockmann" → honorific "H.E. Mr.", name "Miguel D’Escoto Brockmann". */
export function splitHonorific(fullName: string): { honorific: string | null; name: string } {
  const titles: string[] = [];
  let rest = fullName.trim();
  for (;;) {
    const title = HONORIFICS.find((h) => rest.startsWith(h + " "));
    if (!title) break;
    titles.push(title);
    rest = rest.slice(title.length).trim();
  }
  return { honorific: titles.length ? titles.join(" ") : null, name: rest };
}

/**
 * The affiliation runs, comma part by comma part, up to the first part that
 * opens with a lower-case reporting verb ("stressed", "spoke"). Commas inside
 * parentheses do not split.
 */
function splitAffiliation(text: string): { affiliation: string | null; body: string } {
  const parts = splitTopLevelCommas(text);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    if (isReportingVerb(firstWord(parts[i]))) {
      const affiliation = stripMarkdown(parts.slice(0, i).join(","));
      return { affiliation: affiliation || null, body: text.slice(offset).trim() };
    }
    offset += parts[i].length + 1;
  }
  // No verb found: keep the first part as the office and the rest as the body.
  if (parts.length < 2) return { affiliation: null, body: text.trim() };
  return { affiliation: stripMarkdown(parts[0]) || null, body: text.slice(parts[0].length + 1).trim() };
}

function splitTopLevelCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function firstWord(part: string): string {
  return /^\s*([\p{L}-]+)/u.exec(stripMarkdown(part))?.[1] ?? "";
}

function isReportingVerb(word: string): boolean {
  if (!/^\p{Ll}/u.test(word)) return false;
  if (OTHER_REPORTING_VERBS.has(word)) return true;
  return word.endsWith("ed") && !NON_REPORTING_PARTICIPLES.has(word);
}
