/** Small text helpers shared by the dialogue parser. */

/** Lower-case ASCII slug: "D’Escoto Brockmann" → "d-escoto-brockmann". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Removes Markdown emphasis and backslash escapes, and folds white space. */
export function stripMarkdown(text: string): string {
  return foldSpace(text.replace(/\*\*|__/g, "").replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1"));
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The phrases written in **bold**, in order, without duplicates. */
export function findBoldPhrases(text: string): string[] {
  const phrases = [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => foldSpace(m[1]).replace(/[,;:]$/, ""));
  return [...new Set(phrases.filter((p) => p.length > 0))];
}

export function startsLowercase(text: string): boolean {
  return /^[\p{Ll}]/u.test(stripMarkdown(text));
}

/** True when the text ends like a finished sentence (so a following paragraph is not its continuation). */
export function endsSentence(text: string): boolean {
  return /[.!?]["”’)\]]*$/.test(stripMarkdown(text));
}
