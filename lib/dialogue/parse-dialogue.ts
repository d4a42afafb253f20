/**
 * A pure parser for the family of UN General Assembly interactive dialogue
 * summaries: a title, venue and date; an opening session, numbered panels
 * and a closing session of numbered statements; a summary with agreed lists;
 * and an annex of delegations. It knows the shape of the family, never the
 * names, counts or lines of one document.
 */
import type { Block } from "./tokenize";
import { tokenize } from "./tokenize";
import { classifyHeading, classifyListIntro } from "./classify";
import { DialogueParseError } from "./dialogue-parse-error";
import { findDate } from "./parse-date";
import { findFamilyName } from "./family-name";
import type { FamilyName } from "./family-name";
import { statementAddress } from "./statement-address";
import { parseStatementOpening } from "./parse-speaker";
import { splitSentences } from "./split-sentences";
import { endsSentence, findBoldPhrases, foldSpace, slugify, startsLowercase, stripMarkdown } from "./text";
import type {
  Delegation,
  ParsedDialogue,
  Segment,
  SegmentKind,
  Statement,
  Summary,
  SummaryItem,
  SummaryListName,
} from "./types";
import { findLinks, linkFrom } from "./links";
import { linkSpeakersToDelegations } from "./link-speakers";

type BodyBlock = Exclude<Block, { type: "heading" }>;

type Section = "front" | "segment" | "summary" | "annex" | "other";

/** What the last block added, so that a page-broken paragraph can rejoin it. */
type Continuable = { append: (text: string) => void; text: () => string } | null;

type ParserState = {
  title: { text: string; line: number } | null;
  /** Paragraphs before the first section, where venue and date are found. */
  frontParagraphs: { text: string; line: number }[];
  /** True right after the title, when the next line may continue a wrapped title. */
  isTitleOpen: boolean;
  /** A heading the parser does not know; it names a new session if statements follow it at once. */
  pendingHeading: { label: string; line: number } | null;
  /** A panel heading with only its number ("**PANEL 1**"), whose title may follow on its own line. */
  untitledPanel: Segment | null;
  /** The summary heading, in case statements rather than lists follow it ("General discussion"). */
  summaryHeading: { label: string; line: number } | null;
  venue: string | null;
  date: string | null;
  section: Section;
  segments: Segment[];
  segment: Segment | null;
  /** The label of a "Note:" or "Acknowledgements:" block whose paragraphs follow. */
  noteLabel: string | null;
  summary: Summary;
  list: SummaryListName | null;
  listIntroLine: number | null;
  hasAnnex: boolean;
  delegations: Delegation[];
  continuable: Continuable;
  /** Raw text of each statement and item, joined across page breaks before cleaning. */
  rawText: Map<object, string>;
};

/** Parses a dialogue summary. Throws DialogueParseError naming the line at fault. */
export function parseDialogue(text: string): ParsedDialogue {
  assertReadableText(text);
  const state = createState();
  for (const block of tokenize(text)) readBlock(state, block);
  return finish(state);
}

function createState(): ParserState {
  return {
    title: null,
    frontParagraphs: [],
    isTitleOpen: false,
    pendingHeading: null,
    untitledPanel: null,
    summaryHeading: null,
    venue: null,
    date: null,
    section: "front",
    segments: [],
    segment: null,
    noteLabel: null,
    summary: { consensus: [], gaps: [], inFavour: [], should: [], concerns: [], notes: [] },
    list: null,
    listIntroLine: null,
    hasAnnex: false,
    delegations: [],
    continuable: null,
    rawText: new Map(),
  };
}

function assertReadableText(text: string): void {
  if (text.trim() === "") throw new DialogueParseError(1, "the document is empty");
  // Control characters other than tab, newlines and form feed mean binary content.
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/).length;
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    throw new DialogueParseError(line, `binary or non-text content (character U+${code})`);
  }
}

function readBlock(state: ParserState, block: Block): void {
  if (state.isTitleOpen && continuesTitle(state, block)) return;
  state.isTitleOpen = false;
  const untitledPanel = state.untitledPanel;
  state.untitledPanel = null;
  if (untitledPanel && block.type === "heading" && classifyHeading(block.text).kind === "label") {
    untitledPanel.title = foldSpace(stripMarkdown(block.text)).replace(/:$/, "");
    return;
  }
  if (block.type === "heading") return readHeading(state, block);
  if (state.section === "front") return readFrontMatter(state, block);
  if (state.section === "segment") return readSegmentBlock(state, block);
  if (state.section === "summary") return readSummaryBlock(state, block);
  if (state.section === "annex") return readAnnexBlock(state, block);
}

function readHeading(state: ParserState, block: Extract<Block, { type: "heading" }>): void {
  const heading = classifyHeading(block.text);
  if (!state.title) {
    const isSection = heading.kind === "segment" || heading.kind === "annex";
    if (!isSection || state.frontParagraphs.length === 0) {
      state.title = { text: foldSpace(stripMarkdown(block.text)), line: block.line };
      state.isTitleOpen = true;
      return;
    }
    // The title was a plain paragraph above the first section heading.
    state.title = pickTitleParagraph(state.frontParagraphs);
  }
  state.continuable = null;
  state.noteLabel = null;
  state.pendingHeading = null;
  if (heading.kind === "segment") return openSegment(state, heading, block.line);
  if (heading.kind === "summary") {
    state.section = "summary";
    state.list = null;
    state.summaryHeading = { label: foldSpace(stripMarkdown(block.text)).replace(/:$/, ""), line: block.line };
    return;
  }
  if (heading.kind === "annex") {
    // Only the first annex lists the delegations; later annexes are kept out.
    state.section = state.hasAnnex ? "other" : "annex";
    state.hasAnnex = true;
    return;
  }
  if (state.section === "segment" || state.section === "front") {
    state.noteLabel = heading.label;
    state.pendingHeading = { label: heading.label, line: block.line };
  }
  if (state.section === "summary") state.list = null;
}

/**
 * A title wrapped over two lines or two headings: the next block continues
 * it when the title stops on a connecting word ("… General Assembly on") or
 * the block opens in lower case or with a quotation mark ("on “Oceans”").
 */
function continuesTitle(state: ParserState, block: Block): boolean {
  if (block.type === "item" || !state.title) return false;
  const text = foldSpace(stripMarkdown(block.text));
  const isDangling = /\b(on|of|and|for|the|to|in|at|a)$/i.test(state.title.text);
  if (!isDangling && !/^[\p{Ll}“"‘]/u.test(text)) return false;
  if (text.length > 300 || findDate(text)) return false;
  state.title = { text: `${state.title.text} ${text}`, line: state.title.line };
  return true;
}

/** Of the lines above the first section, the one that reads like a title. */
function pickTitleParagraph(paragraphs: { text: string; line: number }[]): { text: string; line: number } {
  return paragraphs.find((p) => /\b(summary|dialogue|debate|meeting)\b/i.test(p.text)) ?? paragraphs[0];
}

function openSegment(
  state: ParserState,
  heading: { segment: SegmentKind; number: number | null; title: string },
  line: number,
): void {
  const key =
    heading.segment === "panel"
      ? `panel-${heading.number}`
      : heading.segment === "session"
        ? slugify(heading.title)
        : heading.segment;
  if (state.segments.some((s) => s.key === key)) {
    throw new DialogueParseError(line, `a second "${heading.title}" heading: segment "${key}" already exists`);
  }
  const segment: Segment = {
    key,
    kind: heading.segment,
    number: heading.number,
    title: heading.title,
    line,
    links: [],
    notes: [],
    statements: [],
  };
  state.segments.push(segment);
  state.segment = segment;
  state.section = "segment";
  if (heading.segment === "panel" && /^panel\s+\S+$/i.test(heading.title)) state.untitledPanel = segment;
}

function readFrontMatter(state: ParserState, block: BodyBlock): void {
  if (block.type === "item" && state.pendingHeading) return openSessionFor(state, block);
  state.pendingHeading = null;
  if (block.type === "item") {
    throw new DialogueParseError(block.line, 'a numbered item before any session heading (such as "Opening session")');
  }
  state.frontParagraphs.push({ text: foldSpace(stripMarkdown(block.text)), line: block.line });
}

/** The meeting date and venue from the lines between the title and the first section. */
function readVenueAndDate(state: ParserState): void {
  const titleLine = state.title?.line ?? 0;
  // Lines above the title ("United Nations", "Sixty-third session") are a preface, not the venue.
  for (const paragraph of state.frontParagraphs.filter((p) => p.line > titleLine)) {
    const date = state.date ? null : findDate(paragraph.text);
    let venue = paragraph.text;
    if (date) {
      state.date = date.iso;
      // "New York, 13 May 2009" gives both; a bare weekday is not a venue.
      venue = paragraph.text.replace(date.match, "").replace(/^[\s,;–-]+|[\s,;–-]+$/g, "");
      if (/^\p{L}+day$/u.test(venue)) venue = "";
    }
    if (venue && !state.venue) state.venue = venue;
  }
  for (const text of [...state.frontParagraphs.map((p) => p.text), state.title?.text ?? ""]) {
    state.date ??= findDate(text)?.iso ?? null;
  }
}

/**
 * Word exports often drop the numbering: a paragraph that opens with a
 * titled name in bold and then an office or a reporting verb is a statement.
 */
function asUnnumberedStatement(block: BodyBlock): Extract<Block, { type: "item" }> | null {
  if (block.type !== "paragraph") return null;
  const opening = parseStatementOpening(block.text);
  if (!opening?.honorific || !(opening.affiliation || /^\p{Ll}/u.test(stripMarkdown(opening.body)))) return null;
  return {
    type: "item",
    marker: "number",
    n: null,
    text: block.text,
    line: block.line,
    isIndented: false,
    isAfterPageBreak: block.isAfterPageBreak,
  };
}

/**
 * Statements straight under a heading that is not an opening, panel or
 * closing ("Keynote address", "High-level segment") form a session of their own.
 */
function openSessionFor(state: ParserState, block: Extract<Block, { type: "item" }>): void {
  const heading = state.pendingHeading!;
  state.pendingHeading = null;
  state.noteLabel = null;
  openSegment(state, { segment: "session", number: null, title: heading.label }, heading.line);
  addStatement(state, state.segment!, block);
}

function readSegmentBlock(state: ParserState, block: BodyBlock): void {
  const item = block.type === "item" ? block : asUnnumberedStatement(block);
  if (item && state.pendingHeading) return openSessionFor(state, item);
  state.pendingHeading = null;
  const segment = state.segment!;
  if (item) return addStatement(state, segment, item);
  const links = findLinks(block.text);
  if (links.length > 0) {
    segment.links.push(...links.map((url) => linkFrom(block.text, url, state.noteLabel)));
    state.continuable = null;
    return;
  }
  if (continuesPrevious(state, block)) return state.continuable!.append(block.text);
  const text = foldSpace(stripMarkdown(block.text));
  if (text.endsWith(":")) {
    state.noteLabel = text.slice(0, -1).trim();
    state.continuable = null;
    return;
  }
  const note = { label: state.noteLabel, text };
  segment.notes.push(note);
  state.continuable = {
    append: (more) => (note.text = foldSpace(`${note.text} ${stripMarkdown(more)}`)),
    text: () => note.text,
  };
}

/**
 * A paragraph continues the block before it when a page break split that
 * block: it starts in lower case, or the block before it stopped mid-sentence.
 */
function continuesPrevious(state: ParserState, block: BodyBlock): boolean {
  if (!state.continuable) return false;
  if (block.isIndented || block.isAfterPageBreak) return true;
  return startsLowercase(block.text) || !endsSentence(state.continuable.text());
}

function addStatement(state: ParserState, segment: Segment, block: Extract<Block, { type: "item" }>): void {
  const opening = parseStatementOpening(block.text);
  if (!opening) {
    throw new DialogueParseError(
      block.line,
      "a numbered statement must open with the speaker's name in bold, e.g. **Ms. Name**,",
    );
  }
  if (!stripMarkdown(opening.body)) {
    throw new DialogueParseError(block.line, `the statement of ${opening.name} has no text after the speaker`);
  }
  const statement: Statement = {
    id: uniqueStatementId(segment, findFamilyName(opening.name, opening)),
    n: block.n ?? segment.statements.length + 1,
    line: block.line,
    speaker: { name: opening.name, honorific: opening.honorific, affiliation: opening.affiliation, delegation: null },
    text: "",
    sentences: [],
  };
  segment.statements.push(statement);
  state.rawText.set(statement, opening.body);
  state.noteLabel = null;
  state.continuable = continuableRaw(state, statement);
}

function uniqueStatementId(segment: Segment, name: FamilyName): string {
  return statementAddress(segment.key, name.addressPart, new Set(segment.statements.map((s) => s.id)));
}

/** Lets a later paragraph extend the raw text of a statement or list item. */
function continuableRaw(state: ParserState, owner: object): Continuable {
  return {
    append: (more) => state.rawText.set(owner, `${state.rawText.get(owner)} ${more}`),
    text: () => state.rawText.get(owner) ?? "",
  };
}

function readSummaryBlock(state: ParserState, block: BodyBlock): void {
  if (block.type === "item") return addSummaryItem(state, block);
  if (state.list && continuesPrevious(state, block)) return state.continuable!.append(block.text);
  const list = classifyListIntro(block.text);
  state.continuable = null;
  if (list) {
    if (state.summary[list].length > 0) {
      throw new DialogueParseError(block.line, `a second "${list}" list: each summary list may appear once`);
    }
    state.list = list;
    state.listIntroLine = block.line;
    return;
  }
  state.list = null;
  const notes = state.summary.notes;
  notes.push({ id: `note-${notes.length + 1}`, line: block.line, text: foldSpace(stripMarkdown(block.text)) });
}

function addSummaryItem(state: ParserState, block: Extract<Block, { type: "item" }>): void {
  // "General discussion" with speakers' statements under it is a session, not the summary.
  if (!state.list && state.summaryHeading && !hasSummaryLists(state) && parseStatementOpening(block.text)) {
    const heading = state.summaryHeading;
    state.summaryHeading = null;
    openSegment(state, { segment: "session", number: null, title: heading.label }, heading.line);
    return addStatement(state, state.segment!, block);
  }
  if (!state.list) {
    throw new DialogueParseError(
      block.line,
      "a summary list item outside any list: the paragraph before it must introduce a list " +
        "(consensus, gaps, in favour, should or concerns) and end with a colon",
    );
  }
  const items = state.summary[state.list];
  const n = block.n ?? items.length + 1;
  const item: SummaryItem = { id: `${state.list}-${n}`, n, line: block.line, text: "", keyPhrases: [] };
  if (items.some((i) => i.id === item.id)) {
    throw new DialogueParseError(block.line, `item ${n} appears twice in the "${state.list}" list`);
  }
  items.push(item);
  state.rawText.set(item, block.text);
  state.continuable = continuableRaw(state, item);
}

function hasSummaryLists(state: ParserState): boolean {
  return SUMMARY_LIST_NAMES.some((list) => state.summary[list].length > 0);
}

const SUMMARY_LIST_NAMES = ["consensus", "gaps", "inFavour", "should", "concerns"] as const;

function readAnnexBlock(state: ParserState, block: BodyBlock): void {
  for (const entry of listAnnexEntries(block)) state.delegations.push(parseDelegation(entry.text, entry.line));
}

/** The delegation names in an annex block: list items, table rows, lines, or one comma-separated paragraph. */
function listAnnexEntries(block: BodyBlock): { text: string; line: number }[] {
  if (block.type === "item") return [{ text: block.text, line: block.line }];
  const lines = block.lines.map((text, i) => ({ text, line: block.line + i }));
  if (lines[0].text.startsWith("|")) return readTableRows(lines);
  const names = lines.length === 1 ? readCommaList(lines[0].text) : null;
  if (names) return names.map((name) => ({ text: name, line: lines[0].line }));
  return lines.filter((e) => isDelegationLine(e.text));
}

/**
 * "Algeria, Austria (on behalf of …), Brazil." — or after a lead-in such as
 * "The following took part:". A list only when it has three or more short,
 * capitalised names.
 */
function readCommaList(line: string): string[] | null {
  const list = line
    .slice(line.lastIndexOf(":") + 1)
    .trim()
    .replace(/\.$/, "");
  const names = splitTopLevel(list).map((name) => name.replace(/^and\s+/i, ""));
  const isList = names.length >= 3 && names.every((name) => name.length <= 100 && /^\p{Lu}/u.test(name));
  return isList ? names : null;
}

/** A Markdown table: the first column is the delegation, a second one the group it speaks for. */
function readTableRows(lines: { text: string; line: number }[]): { text: string; line: number }[] {
  const isSeparator = (text: string) => /^\|?[\s:|-]+\|?$/.test(text) && text.includes("-");
  const hasHeader = lines.length > 1 && isSeparator(lines[1].text);
  return lines
    .slice(hasHeader ? 2 : 0)
    .filter((row) => !isSeparator(row.text))
    .map((row) => {
      const [name = "", group = ""] = row.text
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim());
      return { text: group ? `${name} (on behalf of ${group})` : name, line: row.line };
    })
    .filter((row) => row.text);
}

/** Splits on commas outside parentheses: "Austria (on behalf of A, B), Brazil". */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

/** In an annex paragraph, a line that reads like a name rather than a sentence or label. */
function isDelegationLine(line: string): boolean {
  return line.length <= 100 && !/[.:]$/.test(line.trim());
}

/** "Czech Republic (on behalf of the EU)" → onBehalfOf "EU"; "Bolivia (Plurinational State of)" stays whole. */
function parseDelegation(raw: string, line: number): Delegation {
  const text = foldSpace(stripMarkdown(raw)).replace(/[;,.]$/, "");
  if (!hasBalancedParentheses(text))
    throw new DialogueParseError(line, `unbalanced parentheses in the delegation "${text}"`);
  const behalf = /^(.*?)\s*\(\s*on behalf of\s+(?:the\s+)?(.+)\)\s*$/i.exec(text);
  const name = behalf ? behalf[1] : text;
  if (!slugify(name)) throw new DialogueParseError(line, `a delegation without a name: "${text}"`);
  if (/\(\s*on behalf of\b/i.test(name))
    throw new DialogueParseError(line, `cannot read "${text}" as "Name (on behalf of Group)"`);
  return { id: `delegation-${slugify(name)}`, name, onBehalfOf: behalf ? behalf[2].trim() : null };
}

function hasBalancedParentheses(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

function finish(state: ParserState): ParsedDialogue {
  if (!state.title) throw new DialogueParseError(1, "no title: the document has no heading");
  readVenueAndDate(state);
  if (!state.date) {
    throw new DialogueParseError(
      state.title.line,
      'no meeting date (such as "13 May 2009") between the title and the first session',
    );
  }
  const statementCount = state.segments.reduce((sum, s) => sum + s.statements.length, 0);
  if (statementCount === 0) {
    throw new DialogueParseError(
      state.segments[0]?.line ?? state.title.line,
      "no statements: expected numbered statements (1. **Speaker**, ...) under an opening, panel or closing heading",
    );
  }
  finishTexts(state);
  linkSpeakersToDelegations(state.segments, state.delegations);
  const topic = /[“"](.+?)[”"]/.exec(state.title.text)?.[1] ?? null;
  return {
    slug: buildSlug(state.date, topic ?? state.title.text),
    title: state.title.text,
    topic,
    venue: state.venue ?? "",
    date: state.date,
    segments: state.segments,
    summary: state.summary,
    delegations: dedupeDelegations(state.delegations),
  };
}

/** Cleans the raw text gathered across page breaks, then splits statements into sentences. */
function finishTexts(state: ParserState): void {
  for (const segment of state.segments) {
    for (const statement of segment.statements) {
      statement.text = stripMarkdown(state.rawText.get(statement) ?? "");
      statement.sentences = splitSentences(statement.text).map((span, i) => ({
        id: `${statement.id}.s${i + 1}`,
        ...span,
        text: statement.text.slice(span.start, span.end),
      }));
    }
  }
  for (const list of ["consensus", "gaps", "inFavour", "should", "concerns"] as const) {
    for (const item of state.summary[list]) {
      const raw = state.rawText.get(item) ?? "";
      item.text = stripMarkdown(raw);
      item.keyPhrases = findBoldPhrases(raw);
    }
  }
}

function dedupeDelegations(delegations: Delegation[]): Delegation[] {
  const seen = new Set<string>();
  return delegations.filter((d) => !seen.has(d.id) && seen.add(d.id));
}

function buildSlug(date: string, topic: string): string {
  const words = slugify(topic).split("-");
  let slug = date;
  for (const word of words) {
    if (`${slug}-${word}`.length > 80) break;
    slug += `-${word}`;
  }
  return slug;
}
