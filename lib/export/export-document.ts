/**
 * The one document model every printed export (Markdown, DOCX, PDF) renders:
 * built once from the plan (live or a version), so the formats cannot drift
 * apart in what they say. Pure types; lib/export/build-export-document.ts fills them.
 */
import { formatSponsors } from "@/lib/plan/format-sponsors";
import { formatDay, formatDayAndTime } from "@/lib/dates/format-date";

/** A run of text inside a block, with the inline marks the renderers keep. */
export type TTextRun = {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** Words print adds, not the passage's own: a bracket, or a paragraph's status. */
  isInserted?: true;
};

/**
 * A reference to footnote `n` (1-based, in reading order). A source has one
 * footnote (lib/editor/passages.ts numbers sources, not citations): a later
 * citation of it is a `repeat`, which Word prints as the number, not as a
 * second footnote.
 */
export type TFootnoteRun = { kind: "footnote"; n: number; repeat?: true };

export type TBreakRun = { kind: "break" };

export type TRun = TTextRun | TFootnoteRun | TBreakRun;

/**
 * A numbered paragraph's place, from the one reader (lib/editor/passages.ts numberParagraphs), never counted
 * again by a renderer. Its runs already end with its ending and open with its opening phrase in italics.
 */
export type TParagraphNumber = {
  kind: "preambular" | "operative" | "subparagraph";
  /** 0 for a preambular or operative paragraph, 1 for (a), 2 for (i): how far it is indented. */
  depth: 0 | 1 | 2;
  /** "4.", "(a)", "(ii)"; null for a preambular paragraph. */
  marker: string | null;
  /** "OP 4 (a)": how negotiators name it. */
  reference: string;
  /** Which numbering it continues: Word gives the main text and the annex a list each. */
  part: "main" | "annex";
  /**
   * The preambular paragraph whose sub-paragraphs it is, if it is one: they are lettered from (a) under it, apart
   * from the operative count, so Word needs a list of theirs.
   */
  underPreambular?: string;
};

/** Some words a layout adds, not the plan's: "The General Assembly," and the like. */
export type TLayoutRole = "chapeau" | "resolution-title" | "annex-heading";

/** `blockId`: the passage a block prints (lib/editor/passages.ts); none for a section's title. */
export type TBlock =
  | { kind: "heading"; level: number; runs: TRun[]; blockId?: string; role?: TLayoutRole }
  | {
      kind: "paragraph";
      runs: TRun[];
      isQuote?: boolean;
      blockId?: string;
      number?: TParagraphNumber;
      role?: TLayoutRole;
    }
  /**
   * `list` numbers every list of the document, so each ordered list is a list of its own in Word and restarts at 1
   * (or its start). `marker`: the reader's "3." or "•".
   */
  | {
      kind: "listItem";
      isOrdered: boolean;
      depth: number;
      list: number;
      runs: TRun[];
      blockId?: string;
      marker?: string;
    };

/** How a provenance link's source is named, everywhere it is printed. */
export type TSourceDescription = {
  /** The speaker, "Arguments in favour 3", or "Amendment 4 by Bahrain". */
  label: string;
  /** The speaker's affiliation (their role at the dialogue), when there is one. */
  role: string | null;
  /** "Panel 2", "Opening session"; null for list items and amendments. */
  segment: string | null;
  /** The reader address, e.g. "panel-2.gupta.s4", "should-3", "amendment-4". */
  address: string;
  /** The quoted sentence (or statement, list item, amendment text). */
  quote: string;
};

export type TFootnote = TSourceDescription & {
  /** "note": a footnote of free text a facilitator wrote (its words are `label`); otherwise a source of the dialogue. */
  kind?: "source" | "note";
  n: number;
  linkId: string;
  relation: string;
  status: string;
  /** False for a footnote put at the end of a passage whose confirmed source has no citation in the text. */
  isInline: boolean;
};

/** `part` and `level` as the plan has them (lib/plan/section-scope.ts): the annex numbers from 1 again. */
export type TSection = { key: string; title: string; part?: "main" | "annex"; level?: number; blocks: TBlock[] };

/** How the export is laid out, from the plan's template (lib/plan/templates): a plan, or a General Assembly resolution. */
export type TExportLayout = "plan" | "resolution";

/** What the table of every provenance link at the end is called in every format ("Annex" is the resolution's). */
export const SOURCES_TITLE = "Sources";

/** Where a resolution's symbol goes: the secretariat gives it when the draft is issued. */
export const SYMBOL_PLACEHOLDER = "A/…/L.…";

/** What a resolution's preamble opens with. */
export const RESOLUTION_CHAPEAU = "The General Assembly,";

/** One row of the annex: every provenance link of the plan (or version), cited or not. */
export type TAnnexRow = TSourceDescription & {
  linkId: string;
  sectionTitle: string;
  blockId: string;
  /** The passage's words the link was made on (its quote selector). */
  passage: string;
  relation: string;
  status: string;
  /** The footnotes that cite it, in order. */
  footnotes: number[];
};

export type TExportDocument = {
  planId: string;
  title: string;
  /** The dialogue the plan is drawn from, for the title page. */
  dialogueTitle: string;
  /** The version's label, or null for the live draft. */
  versionLabel: string | null;
  /** When the version was taken, or when the export was made (the live draft). */
  date: Date;
  /** Absent in documents made before layouts: "plan". */
  layout?: TExportLayout;
  /** The sponsoring delegations' names, in order (absent before sponsors: none). */
  sponsors?: string[];
  sections: TSection[];
  footnotes: TFootnote[];
  annex: TAnnexRow[];
  /** The silence procedure holding the exported text, if any (lib/negotiation/read-silence.ts exportedSilence). */
  silence?: TExportSilence | null;
};

/** A revision under silence, or adopted under silence: printed under the version line in every format. */
export type TExportSilence = {
  state: "under_silence" | "adopted";
  revision: string;
  endsAt: Date;
  adoptedAt: Date | null;
};

/** "Rev.1" or "Working draft (live)": what the title page and file names call the export. */
export function describeVersion(document: Pick<TExportDocument, "versionLabel">): string {
  return document.versionLabel ?? "Working draft";
}

/**
 * The line under the title naming the sponsors, the same in every format: a
 * resolution reads as the UN prints one, "Portugal and Cabo Verde: draft
 * resolution"; a plan "Sponsored by Portugal and Cabo Verde". Null for none.
 */
export function describeSponsors(document: Pick<TExportDocument, "sponsors" | "layout">): string | null {
  const names = formatSponsors(document.sponsors ?? []);
  if (!names) return null;
  return document.layout === "resolution" ? `${names}: draft resolution` : `Sponsored by ${names}`;
}

/** "Adopted under silence on 10 December 2026" or "Under silence until 10 Dec 2026, 14:00 UTC"; null without one. */
export function describeSilence(document: Pick<TExportDocument, "silence">): string | null {
  const silence = document.silence;
  if (!silence) return null;
  return silence.state === "adopted"
    ? `Adopted under silence on ${formatDay(silence.adoptedAt!)}`
    : `Under silence until ${formatDayAndTime(silence.endsAt)}`;
}

/**
 * The document symbol a resolution's head prints: the placeholder the secretariat fills in, with "/Rev.N" when the
 * export is a revision issued in a round (lib/negotiation/issue-revision.ts), as the UN marks revised drafts.
 */
export function documentSymbol(document: Pick<TExportDocument, "versionLabel">): string {
  const revision = document.versionLabel?.match(/^Rev\.\d+$/)?.[0];
  return revision ? `${SYMBOL_PLACEHOLDER}/${revision}` : SYMBOL_PLACEHOLDER;
}

/** The footnote's text, the same in every format: speaker, role, segment, address and the quoted words. */
export function formatFootnoteText(note: TSourceDescription & { status?: string; kind?: TFootnote["kind"] }): string {
  if (note.kind === "note") return note.label;
  const who = [note.label, note.role, note.segment].filter(Boolean).join(", ");
  const flag = note.status && note.status !== "confirmed" ? ` [${note.status}]` : "";
  return `${who} (#${note.address}): “${note.quote}”${flag}`;
}
