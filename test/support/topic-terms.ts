/**
 * Words that name a dialogue's topic, across the family: a template, or guidance seeded from it, may use one only
 * when the dialogue being seeded says it too. Whole words, matched case-insensitively; "five Ps" and "origin" are the
 * 2009 dialogue's, which an earlier template lent to every other.
 */
export const TOPIC_TERMS = [
  "trafficking",
  "trafficked",
  "traffickers",
  "victim",
  "victims",
  "exploitation",
  "smuggling",
  "Palermo",
  "Trafficking in Persons Protocol",
  "five Ps",
  "three Rs",
  "origin",
  "transit",
  "destination",
  "prosecution",
  "punishment",
  "water",
  "sanitation",
  "hygiene",
  "disaster",
  "disasters",
  "Hyogo",
  "resilience",
  "migration",
  "migrants",
  "remittances",
  "diasporas",
  "biodiversity",
  "ocean",
  "oceans",
  "fisheries",
  "road",
  "traffic",
  "energy",
  "health",
  "antimicrobial",
  "nuclear",
  "disarmament",
  "marriage",
  "employment",
  "climate",
  "peace",
  "financial crisis",
  "refugees",
  "forests",
  "desertification",
  "tourism",
];

/** The topic terms in `text` that `source` never uses. */
export function findBorrowedTerms(text: string, source: string): string[] {
  const says = (within: string, term: string) =>
    new RegExp(`\\b${term.replace(/\s+/g, "\\s+")}\\b`, "i").test(within.replace(/[’']/g, ""));
  return TOPIC_TERMS.filter((term) => says(text, term) && !says(source, term));
}
