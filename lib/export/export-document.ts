/**
 * The one document model every printed export (Markdown, DOCX, PDF) renders:
 * built once from the plan (live or a version), so the formats cannot drift
 * apart in what they say. Pure types; lib/export/build-export-document.ts fills them.
 */

/** A run of text inside a block, with the inline marks the renderers keep. */
export type TTextRun = {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
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

/** `blockId`: the passage a block prints (lib/editor/passages.ts); none for a section's title. */
export type TBlock =
  | { kind: "heading"; level: number; runs: TRun[]; blockId?: string }
  | { kind: "paragraph"; runs: TRun[]; isQuote?: boolean; blockId?: string }
  /** `list` numbers the lists of a section, so an ordered list's numbering restarts in the next one. */
  | { kind: "listItem"; isOrdered: boolean; depth: number; list: number; runs: TRun[]; blockId?: string };

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
  n: number;
  linkId: string;
  relation: string;
  status: string;
  /** False for a footnote put at the end of a passage whose confirmed source has no citation in the text. */
  isInline: boolean;
};

export type TSection = { key: string; title: string; blocks: TBlock[] };

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
  sections: TSection[];
  footnotes: TFootnote[];
  annex: TAnnexRow[];
};

/** "Rev.1" or "Working draft (live)": what the title page and file names call the export. */
export function describeVersion(document: Pick<TExportDocument, "versionLabel">): string {
  return document.versionLabel ?? "Working draft";
}

/** The footnote's text, the same in every format: speaker, role, segment, address and the quoted words. */
export function formatFootnoteText(note: TSourceDescription & { status?: string }): string {
  const who = [note.label, note.role, note.segment].filter(Boolean).join(", ");
  const flag = note.status && note.status !== "confirmed" ? ` [${note.status}]` : "";
  return `${who} (#${note.address}): “${note.quote}”${flag}`;
}
