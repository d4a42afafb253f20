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
import { findSurname, parseStatementOpening } from "./parse-speaker";
import { splitSentences } from "./split-sentences";
import { endsSentence, findBoldPhrases, foldSpace, slugify, startsLowercase, stripMarkdown } from "./text";
import type {
  Delegation, ParsedDialogue, Segment, SegmentKind, Statement, Summary, SummaryItem, SummaryListName,
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
    title: null, frontParagraphs: [], venue: null, date: null, section: "front", segments: [], segment: null,
    noteLabel: null, summary: { consensus: [], gaps: [], inFavour: [], should: [], concerns: [], notes: [] },
    list: null, listIntroLine: null, hasAnnex: false, delegations: [], continuable: null, rawText: new Map(),
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
  if (block.type === "heading") return readHeading(state, block);
  if (state.section === "front") return readFrontMatter(state, block);
  if (state.section === "segment") return readSegmentBlock(state, block);
  if (state.section === "summary") return readSummaryBlock(state, block);
  if (state.section === "annex") return readAnnexBlock(state, block);
}

function readHeading(state: ParserState, block: Extract<Block, { type: "heading" }>): void {
  const heading = classifyHeading(block.text);
  if (!state.title) {
    // The first heading is the title, unless it already opens a section and
    // the title was a plain paragraph above it.
    const paragraph = state.frontParagraphs[0];
    if (heading.kind === "label" || !paragraph) {
      state.title = { text: foldSpace(stripMarkdown(block.text)), line: block.line };
      return;
    }
    state.title = paragraph;
  }
  state.continuable = null;
  state.noteLabel = null;
  if (heading.kind === "segment") return openSegment(state, heading, block.line);
  if (heading.kind === "summary") {
    state.section = "summary";
    state.list = null;
    return;
  }
  if (heading.kind === "annex") {
    // Only the first annex lists the delegations; later annexes are kept out.
    state.section = state.hasAnnex ? "other" : "annex";
    state.hasAnnex = true;
    return;
  }
  if (state.section === "segment") state.noteLabel = heading.label;
  if (state.section === "summary") state.list = null;
}

function openSegment(
  state: ParserState,
  heading: { segment: SegmentKind; number: number | null; title: string },
  line: number,
): void {
  const key = heading.segment === "panel" ? `panel-${heading.number}` : heading.segment;
  if (state.segments.some((s) => s.key === key)) {
    throw new DialogueParseError(line, `a second "${heading.title}" heading: segment "${key}" already exists`);
  }
  const segment: Segment = {
    key, kind: heading.segment, number: heading.number, title: heading.title, line,
    links: [], notes: [], statements: [],
  };
  state.segments.push(segment);
  state.segment = segment;
  state.section = "segment";
}

function readFrontMatter(state: ParserState, block: BodyBlock): void {
  if (block.type === "item") {
    throw new DialogueParseError(block.line, "a numbered item before any session heading (such as \"Opening session\")");
  }
  state.frontParagraphs.push({ text: foldSpace(stripMarkdown(block.text)), line: block.line });
}

/** The meeting date and venue from the lines between the title and the first section. */
function readVenueAndDate(state: ParserState): void {
  for (const paragraph of state.frontParagraphs) {
    if (paragraph === state.title) continue;
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
  state.date ??= findDate(state.title?.text ?? "")?.iso ?? null;
}

function readSegmentBlock(state: ParserState, block: BodyBlock): void {
  const segment = state.segment!;
  if (block.type === "item") return addStatement(state, segment, block);
  const links = findLinks(block.text);
  if (links.length > 0) {
    segment.links.push(...links.map((url) => linkFrom(block.text, url, state.noteLabel)));
    state.continuable = null;
    return;
  }
  if (continuesPrevious(state, block.text)) return state.continuable!.append(block.text);
  const text = foldSpace(stripMarkdown(block.text));
  if (text.endsWith(":")) {
    state.noteLabel = text.slice(0, -1).trim();
    state.continuable = null;
    return;
  }
  const note = { label: state.noteLabel, text };
  segment.notes.push(note);
  state.continuable = { append: (more) => (note.text = foldSpace(`${note.text} ${stripMarkdown(more)}`)), text: () => note.text };
}

/**
 * A paragraph continues the block before it when a page break split that
 * block: it starts in lower case, or the block before it stopped mid-sentence.
 */
function continuesPrevious(state: ParserState, text: string): boolean {
  if (!state.continuable) return false;
  return startsLowercase(text) || !endsSentence(state.continuable.text());
}

function addStatement(state: ParserState, segment: Segment, block: Extract<Block, { type: "item" }>): void {
  const opening = parseStatementOpening(block.text);
  if (!opening) {
    throw new DialogueParseError(block.line, "a numbered statement must open with the speaker's name in bold, e.g. **Ms. Name**,");
  }
  const statement: Statement = {
    id: uniqueStatementId(segment, opening.name),
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

function uniqueStatementId(segment: Segment, name: string): string {
  const base = `${segment.key}.${slugify(findSurname(name)) || "speaker"}`;
  let id = base;
  for (let n = 2; segment.statements.some((s) => s.id === id); n++) id = `${base}-${n}`;
  return id;
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
  if (state.list && continuesPrevious(state, block.text)) return state.continuable!.append(block.text);
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

function readAnnexBlock(state: ParserState, block: BodyBlock): void {
  const names = block.type === "item" ? [block.text] : block.lines.filter(isDelegationLine);
  for (const name of names) state.delegations.push(parseDelegation(name));
}

/** In an annex paragraph, a line that reads like a name rather than a sentence or label. */
function isDelegationLine(line: string): boolean {
  return line.length <= 100 && !/[.:]$/.test(line.trim());
}

/** "Czech Republic (on behalf of the EU)" → onBehalfOf "EU"; "Bolivia (Plurinational State of)" stays whole. */
function parseDelegation(raw: string): Delegation {
  const text = foldSpace(stripMarkdown(raw)).replace(/[;,.]$/, "");
  const behalf = /^(.*?)\s*\(\s*on behalf of\s+(?:the\s+)?(.+?)\s*\)\s*$/i.exec(text);
  const name = behalf ? behalf[1] : text;
  return { id: `delegation-${slugify(name)}`, name, onBehalfOf: behalf ? behalf[2] : null };
}

function finish(state: ParserState): ParsedDialogue {
  if (!state.title) throw new DialogueParseError(1, "no title: the document has no heading");
  readVenueAndDate(state);
  if (!state.date) {
    throw new DialogueParseError(state.title.line, "no meeting date (such as \"13 May 2009\") between the title and the first session");
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
        id: `${statement.id}.s${i + 1}`, ...span, text: statement.text.slice(span.start, span.end),
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
