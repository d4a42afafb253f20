/**
 * A speaker's family name, which addresses their statements
 * ("opening.ban", "panel-2.al-khalifa"). The last word is wrong for a good
 * part of the world: "Ban Ki Moon" writes the family name first, "Miguel
 * d'Escoto Brockmann" has a particle and two family names, "Néstor Arbito
 * Chica" is addressed by his paternal family name, Arbito. The rules below,
 * in order, cover what summaries of the General Assembly print; an admin
 * overrides the rest per speaker (lib/dialogue/speaker-family-names.ts).
 */

/**
 * The version of these rules. A dialogue imported under an older one is
 * re-addressed on its next import (lib/dialogue/readdress-units.ts); raise
 * it whenever a change here changes an address.
 */
export const ADDRESS_RULES_VERSION = 2;

export type FamilyName = {
  /** The whole family name, as written: "d’Escoto Brockmann", "Arbito Chica", "Ban". */
  family: string;
  /** The part an address uses: the whole family name, or the paternal one of a Hispanic pair ("Arbito"). */
  addressPart: string;
};

const GENERATIONAL = /^(Jr\.?|Sr\.?|II|III|IV)$/;

/** Particles that begin a family name: "de la Cruz", "van der Berg", "Al Khalifa", "el Baradei". */
const PARTICLES = new Set(["al", "el", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "la", "le"]);
const PARTICLES_MORE = new Set(["ter", "ten", "van", "von"]);
/** A particle written onto the name: "D’Escoto", "d'Alembert", "Al-Harthy", "el-Sisi". */
const ATTACHED_PARTICLE = /^(d['’]|al-|el-)/i;

/**
 * Family names that come first when the given name follows as syllables
 * ("Ban Ki Moon", "Ban Ki-moon"); the syllables are the sign, since "Lee"
 * or "Park" alone also end Western names.
 */
const FAMILY_FIRST = new Set(
  (
    "Ban Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong " +
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang " +
    "Nguyen Tran Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong"
  ).split(" "),
);

/** Countries whose people carry a paternal and a maternal family name, the paternal one first. */
const HISPANIC_COUNTRIES = [
  "Argentina",
  "Bolivia",
  "Chile",
  "Colombia",
  "Costa Rica",
  "Cuba",
  "Dominican Republic",
  "Ecuador",
  "El Salvador",
  "Equatorial Guinea",
  "Guatemala",
  "Honduras",
  "Mexico",
  "Nicaragua",
  "Panama",
  "Paraguay",
  "Peru",
  "Spain",
  "Uruguay",
  "Venezuela",
];

/** Given names that, second in a name of three words, make it a double given name ("Carlos Enrique Mendoza"). */
const HISPANIC_GIVEN_NAMES = new Set(
  (
    "Alberto Alejandro Alfonso Andrés Ángel Antonio Carlos Cristina Daniel Eduardo Elena Enrique Esteban Eugenia " +
    "Felipe Fernando Francisco Gabriel Guadalupe Ignacio Isabel Javier Jesús Jorge José Josefa Juan Julio Lucía " +
    "Luis Luisa Manuel Margarita María Mercedes Miguel Pablo Patricia Pedro Rafael Ramón Ricardo Roberto Rosa Teresa Victoria"
  ).split(" "),
);

/**
 * The family name of `name` (honorifics already removed). `affiliation`
 * (the office and country the summary gives) tells a Hispanic pair of family
 * names from a middle name: "Néstor Arbito Chica" of Ecuador, but "Antonio
 * Maria Costa".
 */
export function findFamilyName(name: string, { affiliation }: { affiliation?: string | null } = {}): FamilyName {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/[.,;:]+$/, ""))
    .filter((word) => word && !GENERATIONAL.test(word));
  if (words.length <= 1) return whole(words[0] ?? name);
  return (
    writtenInCapitals(words) ??
    writtenFamilyFirst(words) ??
    withParticle(words) ??
    hispanicPair(words, affiliation) ??
    whole(words.at(-1)!)
  );
}

function whole(family: string): FamilyName {
  return { family, addressPart: family };
}

/** The United Nations' own convention: the family name in capitals, "BAN Ki-moon", "Miguel D’ESCOTO BROCKMANN". */
function writtenInCapitals(words: string[]): FamilyName | null {
  const isCapitals = (word: string) => /\p{Lu}{2}/u.test(word) && word === word.toUpperCase();
  const first = words.findIndex(isCapitals);
  if (first === -1 || words.every(isCapitals)) return null;
  let end = first + 1;
  while (end < words.length && isCapitals(words[end])) end++;
  return whole(words.slice(first, end).join(" "));
}

function writtenFamilyFirst(words: string[]): FamilyName | null {
  if (!FAMILY_FIRST.has(words[0])) return null;
  const given = words.slice(1);
  const isSyllables =
    (given.length === 2 && given.every((word) => word.length <= 4)) ||
    (given.length === 1 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(given[0]));
  return isSyllables ? whole(words[0]) : null;
}

/** From the first particle after the given name to the end: "D’Escoto Brockmann", "Al Khalifa", "van der Berg". */
function withParticle(words: string[]): FamilyName | null {
  const at = words.findIndex((word, index) => index > 0 && isParticle(word, index < words.length - 1));
  return at === -1 ? null : whole(words.slice(at).join(" "));
}

function isParticle(word: string, isFollowed: boolean): boolean {
  if (ATTACHED_PARTICLE.test(word) && word.length > 3) return true;
  const lower = word.toLowerCase();
  return isFollowed && (PARTICLES.has(lower) || PARTICLES_MORE.has(lower));
}

/** Given name, paternal and maternal family names: addressed by the paternal one. */
function hispanicPair(words: string[], affiliation: string | null | undefined): FamilyName | null {
  if (words.length < 3 || !affiliation || HISPANIC_GIVEN_NAMES.has(words.at(-2)!)) return null;
  const isHispanic = HISPANIC_COUNTRIES.some((country) => new RegExp(`\\b${country}\\b`).test(affiliation));
  if (!isHispanic) return null;
  const [paternal, maternal] = words.slice(-2);
  return { family: `${paternal} ${maternal}`, addressPart: paternal };
}
