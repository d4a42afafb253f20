/** Small text helpers shared by the dialogue parser. */

/** Lower-case ASCII slug: "D’Escoto Brockmann" → "d-escoto-brockmann". */
// Letters NFKD does not take apart into a base letter and a mark.
const TRANSLITERATIONS: Record<string, string> = {
  ı: "i",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
};

export function slugify(text: string): string {
  return text
    .replace(/[ıłŁøØđĐßæÆœŒ]/g, (c) => TRANSLITERATIONS[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Removes Markdown emphasis, backslash escapes and footnote markers, and folds white space. */
export function stripMarkdown(text: string): string {
  return foldSpace(removeFootnoteMarkers(text.replace(/\*\*|__/g, "").replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")));
}

/** Footnote references ("[4]", "¹²") belong to the printed page, not to what was said. */
export function removeFootnoteMarkers(text: string): string {
  return text.replace(/\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "");
}

/** Folds white space, and the non-breaking hyphen into a plain one so names match. */
export function foldSpace(text: string): string {
  return text
    .replace(/\u2011/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** The phrases written in **bold**, in order, without duplicates. */
export function findBoldPhrases(text: string): string[] {
  const phrases = [...text.matchAll(/\*\*(.+?)\*\*|__(.+?)__/g)].map((m) =>
    foldSpace(m[1] ?? m[2]).replace(/[,;:]$/, ""),
  );
  return [...new Set(phrases.filter((p) => p.length > 0))];
}

export function startsLowercase(text: string): boolean {
  return /^[\p{Ll}]/u.test(stripMarkdown(text));
}

/** True when the text ends like a finished sentence (so a following paragraph is not its continuation). */
export function endsSentence(text: string): boolean {
  return /[.!?]["”’)\]]*$/.test(stripMarkdown(text));
}
