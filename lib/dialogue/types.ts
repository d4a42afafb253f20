/** The structured form of one General Assembly dialogue summary. */

/** "session" is any other named part with statements, such as a keynote address. */
export type SegmentKind = "opening" | "panel" | "session" | "closing";

export const SUMMARY_LISTS = ["consensus", "gaps", "inFavour", "should", "concerns"] as const;
export type SummaryListName = (typeof SUMMARY_LISTS)[number];

export type Link = { label: string; url: string };
export type SegmentNote = { label: string | null; text: string };

export type Speaker = {
  name: string;
  honorific: string | null;
  affiliation: string | null;
  /** The annex delegation that the affiliation names, if any. */
  delegation: string | null;
};

export type Sentence = { id: string; start: number; end: number; text: string };

export type Statement = {
  /** Stable across re-imports: "<segment key>.<family name>", e.g. "panel-2.gupta" (lib/dialogue/family-name.ts). */
  id: string;
  n: number;
  line: number;
  speaker: Speaker;
  text: string;
  sentences: Sentence[];
};

export type Segment = {
  key: string;
  kind: SegmentKind;
  number: number | null;
  title: string;
  line: number;
  links: Link[];
  notes: SegmentNote[];
  statements: Statement[];
};

export type SummaryItem = {
  /** "<list>-<n>", e.g. "should-3". */
  id: string;
  n: number;
  line: number;
  text: string;
  keyPhrases: string[];
};

export type SummaryNote = { id: string; line: number; text: string };

export type Summary = Record<SummaryListName, SummaryItem[]> & { notes: SummaryNote[] };

export type Delegation = {
  /** "delegation-<slug>", e.g. "delegation-czech-republic". */
  id: string;
  name: string;
  onBehalfOf: string | null;
};

export type ParsedDialogue = {
  /** Date and topic as a URL-safe slug: "2009-05-13-taking-collective-action-to-end-human-trafficking". */
  slug: string;
  title: string;
  topic: string | null;
  venue: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  segments: Segment[];
  summary: Summary;
  delegations: Delegation[];
};
