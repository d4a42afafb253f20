/**
 * Builds a large dialogue summary of the same family as the bundled 2009
 * document, for the import benchmark. It is rendered from the 2009 document
 * as parsed, not spliced from its lines, so the result is a well-formed
 * document whatever the seed's page breaks and headings look like:
 *
 * - copy 1 is the seed's own opening, panels and closing (16 statements);
 * - every further copy adds one panel holding all 16 statements again, with
 *   each speaker's surname double-barrelled by a made-up word unique to the
 *   copy, so statement ids stay unique within the panel and every copy
 *   brings new speakers, as a longer meeting would;
 * - every summary list and the annex repeat once per copy (the annex with
 *   renamed delegations, since the parser keeps one delegation per name);
 * - some statements are split by a page number, as PDF conversions are, so
 *   the parser's page-break rejoining runs at scale too.
 */
import { readFileSync } from "node:fs";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import type { Delegation, ParsedDialogue, Segment, Statement, SummaryListName } from "@/lib/dialogue/types";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";

/** The bundled document that the synthetic one is built from. */
export const SEED_DIALOGUE_URL = new URL("../prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", import.meta.url);

// The parsed form keeps list items but not the paragraphs that introduce the
// lists, so the generator writes its own; each names its list's cue word last.
const LIST_INTROS: Record<SummaryListName, string> = {
  consensus: "Overall, there was consensus by participants on:",
  gaps: "Participants referred to the main gaps in the international response and the need to:",
  inFavour: "The main arguments presented in favour were:",
  should: "Participants also stressed that a Global Plan of Action should:",
  concerns: "Concerns presented were:",
};

// Roughly the seed's own rate: 2 of its 16 statements run across a page break.
const STATEMENTS_PER_PAGE_BREAK = 8;

const SYLLABLES = ["ba", "de", "ki", "lo", "mu", "na", "po", "ri", "sa", "te", "vo", "zu"];

/**
 * Returns a dialogue summary in Markdown with 16 × `copies` statements.
 * Its topic names the copy count, so its slug (the dialogue id) never
 * collides with the seed's or with another size's when imported together.
 * `annexCopies` (default: `copies`) sets how many times the annex repeats
 * on its own, since the parser's cost of linking speakers to delegations
 * grows with statements × delegations.
 */
export function generateSyntheticDialogue(options: {
  copies: number;
  annexCopies?: number;
  seedText?: string;
}): string {
  const { copies, annexCopies = copies } = options;
  if (!Number.isInteger(copies) || copies < 1) throw new RangeError(`copies must be a positive integer, got ${copies}`);
  const seed = parseDialogue(options.seedText ?? readFileSync(SEED_DIALOGUE_URL, "utf8"));
  const seedPanels = seed.segments.filter((s) => s.kind === "panel");
  const closing = seed.segments.filter((s) => s.kind === "closing");
  const pager = createPager();

  const blocks: string[] = [...renderFrontMatter(seed, copies)];
  let panelNumber = 0;
  for (const segment of seed.segments.filter((s) => s.kind !== "closing")) {
    const heading = segment.kind === "panel" ? `Panel ${++panelNumber}: ${segment.title}` : `${segment.title}:`;
    blocks.push(...renderSegment({ heading, segment, statements: segment.statements, tag: null, pager }));
  }
  const allStatements = seed.segments.flatMap((s) => s.statements);
  for (let copy = 2; copy <= copies; copy++) {
    // Cycle through the seed's panels for titles and webcast links.
    const model = seedPanels[(copy - 2) % seedPanels.length] ?? seed.segments[0];
    blocks.push(
      ...renderSegment({
        heading: `Panel ${++panelNumber}: ${model.title}`,
        segment: model,
        statements: allStatements,
        tag: nameCopy(copy),
        pager,
      }),
    );
  }
  blocks.push(...renderSummary(seed, copies));
  for (const segment of closing) {
    blocks.push(
      ...renderSegment({ heading: `${segment.title}:`, segment, statements: segment.statements, tag: null, pager }),
    );
  }
  blocks.push(...renderAnnex(seed.delegations, annexCopies));
  return blocks.join("\n\n") + "\n";
}

function renderFrontMatter(seed: ParsedDialogue, copies: number): string[] {
  const topic = `Synthetic benchmark of ${copies} copies: ${seed.topic ?? seed.title}`;
  const title = seed.topic ? seed.title.replace(seed.topic, topic) : `${seed.title} “${topic}”`;
  return [`## ${title}`, seed.venue, formatDate(seed.date)].filter((block) => block !== "");
}

/** "2009-05-13" → "13 May 2009", the way the family writes meeting dates. */
function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

type Pager = { nextPageBreak: () => number | null };

/** Every STATEMENTS_PER_PAGE_BREAK-th statement gets a page break, numbered like the pages. */
function createPager(): Pager {
  let statements = 0;
  let page = 1;
  return {
    nextPageBreak: () => (++statements % STATEMENTS_PER_PAGE_BREAK === 0 ? ++page : null),
  };
}

function renderSegment(options: {
  heading: string;
  segment: Segment;
  statements: Statement[];
  tag: string | null;
  pager: Pager;
}): string[] {
  const { heading, segment, statements, tag, pager } = options;
  const blocks = [`### ${heading}`];
  for (const link of segment.links) blocks.push(`[${link.label}: <${link.url}> ]`);
  statements.forEach((statement, i) => blocks.push(renderStatement(statement, i + 1, tag, pager.nextPageBreak())));
  for (const note of segment.notes) {
    if (note.label) blocks.push(`${note.label}:`);
    blocks.push(note.text);
  }
  return blocks;
}

function renderStatement(statement: Statement, n: number, tag: string | null, pageBreak: number | null): string {
  const { honorific, name, affiliation } = statement.speaker;
  const speaker = `**${[honorific, tag ? `${name}-${tag}` : name].filter(Boolean).join(" ")}**`;
  const opening = affiliation ? `${speaker}, ${affiliation},` : speaker;
  const text = pageBreak === null ? statement.text : breakPage(statement.text, pageBreak);
  return `${n}. ${opening} ${text}`;
}

/**
 * Splits a statement after a comma in its second half, leaving a bare page
 * number between the halves. The second half starts in lower case, which is
 * how the parser knows to rejoin it.
 */
function breakPage(text: string, page: number): string {
  const at = /, (?=\p{Ll})/gu;
  at.lastIndex = Math.floor(text.length / 2);
  const comma = at.exec(text);
  if (!comma) return text;
  return `${text.slice(0, comma.index + 1)}\n\n${page}\n\n${text.slice(comma.index + 2)}`;
}

function renderSummary(seed: ParsedDialogue, copies: number): string[] {
  // Notes go before the lists: after a list, a note could be read as the
  // continuation of an item that does not end in a full stop.
  const blocks = ["### Summary of the Interactive Thematic Dialogue:", ...seed.summary.notes.map((note) => note.text)];
  for (const list of SUMMARY_LISTS) {
    const items = seed.summary[list];
    if (items.length === 0) continue;
    blocks.push(LIST_INTROS[list]);
    const lines: string[] = [];
    for (let copy = 0; copy < copies; copy++) {
      for (const item of items) lines.push(`${lines.length + 1}. ${boldKeyPhrases(item.text, item.keyPhrases)}`);
    }
    blocks.push(lines.join("\n"));
  }
  return blocks;
}

/** Puts back the bold that the parser reads key phrases from, in order of appearance. */
function boldKeyPhrases(text: string, keyPhrases: string[]): string {
  let result = "";
  let rest = text;
  for (const phrase of keyPhrases) {
    const at = rest.indexOf(phrase);
    if (at < 0) continue;
    result += `${rest.slice(0, at)}**${phrase}**`;
    rest = rest.slice(at + phrase.length);
  }
  return result + rest;
}

function renderAnnex(delegations: Delegation[], copies: number): string[] {
  if (delegations.length === 0) return [];
  const lines: string[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const delegation of delegations) {
      const name = copy === 1 ? delegation.name : `${delegation.name} ${nameCopy(copy)}`;
      const onBehalfOf = delegation.onBehalfOf ? ` (on behalf of the ${delegation.onBehalfOf})` : "";
      lines.push(`${lines.length + 1}. ${name}${onBehalfOf}`);
    }
  }
  return ["## Annex 1: Full list of statements in alphabetical order", lines.join("\n")];
}

/**
 * A made-up capitalised word unique to `copy` ("Bade", "Deba", ...): the
 * copy number in base 12 with one syllable per digit, at least two digits.
 * Letters only, so it survives slugs and surname detection unchanged.
 */
export function nameCopy(copy: number): string {
  let word = "";
  let rest = copy;
  do {
    word = SYLLABLES[rest % SYLLABLES.length] + word;
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  if (copy < SYLLABLES.length) word = SYLLABLES[0] + word;
  return word[0].toUpperCase() + word.slice(1);
}
