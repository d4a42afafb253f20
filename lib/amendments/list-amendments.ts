/**
 * A plan's amendments with everything a reader needs to judge one: the word
 * diff in its context, the sponsors, the decision, and whether it has gone
 * stale — a pending amendment whose target text is no longer in the passage
 * as last saved, shown with the passage's current text beside it. A
 * whole-paragraph amendment is named from the current numbering ("New
 * paragraph OP 5 bis") and goes stale by its own rule (paragraph-change.ts).
 */
import type { JSONContent } from "@tiptap/core";
import { authorize, presentAmendmentAbilities } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { locateQuote } from "@/lib/editor/passage-anchor";
import { getPrisma } from "@/lib/db";
import { diffWords } from "@/lib/diff/word-diff";
import type { DiffSegment } from "@/lib/diff/word-diff";
import { findPassage, readPassages } from "@/lib/editor/passages";
import { describeParagraphChange, isParagraphAmendment, isParagraphChangeCurrent } from "./paragraph-change";
import type { ParagraphChange } from "./paragraph-change";
import type { AmendmentState } from "./schemas";
import type { ParagraphNumber } from "@/lib/editor/passages";
import { readStoredReferences, showParagraphReferences } from "@/lib/plan/paragraph-references";
import { readPlanNumbering } from "@/lib/plan/read-plan-numbering";

export type AmendmentFilter = { sectionKey?: string; delegationId?: string; state?: AmendmentState };

type Change = {
  kind: "replace" | "insert_after" | "delete" | ParagraphChange["kind"];
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  newText: string;
};

/**
 * The change as a word diff, with the quote's surroundings as context. The
 * stored surroundings are character counts (they anchor the quote), so they
 * may begin or end inside a word: shown, they are cut back to whole words
 * and marked "…" where the passage goes on. `passageText`, when known, says
 * where it goes on; otherwise a surrounding as long as the selectors are
 * kept is taken to be cut.
 */
export function diffAmendment(change: Change, passageText: string | null = null): DiffSegment[] {
  // A whole paragraph: the new one's words, the deleted one's struck through, a moved one's as they are.
  if (change.kind === "insert_paragraph") return [{ type: "insert", text: change.newText }];
  if (change.kind === "delete_paragraph") return [{ type: "delete", text: change.quoteExact }];
  if (change.kind === "move_paragraph") return [{ type: "equal", text: change.quoteExact }];
  const core: DiffSegment[] =
    change.kind === "replace"
      ? diffWords(change.quoteExact, change.newText)
      : change.kind === "delete"
        ? [{ type: "delete", text: change.quoteExact }]
        : [
            { type: "equal", text: change.quoteExact },
            { type: "insert", text: /^[\s,.;:!?)]/.test(change.newText) ? change.newText : ` ${change.newText}` },
          ];
  const { before, after } = showContext(change, passageText);
  const context = (text: string): DiffSegment[] => (text ? [{ type: "equal", text }] : []);
  return [...context(before), ...core, ...context(after)];
}

/** How long the client keeps a quote's surroundings (components/comments/selection-quote.ts). */
const SELECTOR_CONTEXT_CHARS = 32;

function showContext(change: Change, passageText: string | null): { before: string; after: string } {
  const { quotePrefix: prefix, quoteSuffix: suffix } = change;
  const whole = prefix + change.quoteExact + suffix;
  const at = passageText?.indexOf(whole) ?? -1;
  const end = at + whole.length;
  // What lies just outside each surrounding: known from the passage, else guessed from the selectors' length.
  const charBefore = at === -1 ? (prefix.length >= SELECTOR_CONTEXT_CHARS ? "a" : "") : passageText!.slice(at - 1, at);
  const charAfter = at === -1 ? (suffix.length >= SELECTOR_CONTEXT_CHARS ? "a" : "") : passageText!.slice(end, end + 1);
  const before = !charBefore
    ? prefix
    : `…${(isWordChar(charBefore) && isWordChar(prefix[0]) ? prefix.replace(/^[\p{L}\p{N}]+/u, "") : prefix).trimStart()}`;
  const after = !charAfter
    ? suffix
    : `${(isWordChar(charAfter) && isWordChar(suffix.at(-1)) ? suffix.replace(/[\p{L}\p{N}]+$/u, "") : suffix).trimEnd()}…`;
  return { before: prefix ? before : "", after: suffix ? after : "" };
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Whether the quote can still be amended: it lies, whole, in one run of the passage's text (see Passage.runs in lib/editor/passages.ts). */
export function isQuoteAmendable(
  content: JSONContent,
  blockId: string,
  quote: { exact: string; prefix: string; suffix: string },
): boolean {
  return (findPassage(content, blockId)?.runs ?? []).some((run) => locateQuote(run, quote) !== -1);
}

/** The plan's amendments, each with what `viewer` may do to it (the page offers exactly those, and never looks at roles). */
export async function listAmendments({
  viewer,
  planId,
  filter = {},
}: {
  viewer: Actor;
  planId: string;
  filter?: AmendmentFilter;
}) {
  authorize(viewer, "plan.read");
  const statusFilter = filter.state === "stale" ? "pending" : filter.state;
  const amendments = await getPrisma().amendment.findMany({
    where: {
      planId,
      ...(filter.sectionKey ? { section: { key: filter.sectionKey } } : {}),
      ...(filter.delegationId ? { delegationId: filter.delegationId } : {}),
      ...(statusFilter ? { status: statusFilter } : {}),
    },
    orderBy: { number: "asc" },
    include: {
      section: { select: { key: true, title: true, content: true, removedAt: true } },
      delegation: { select: { id: true, name: true } },
      author: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
      sponsors: { orderBy: { createdAt: "asc" }, select: { delegation: { select: { id: true, name: true } } } },
    },
  });
  // Every section's passage texts: a paragraph amendment without a number is named by its words.
  const blocksBySection = new Map<string, Map<string, string>>();
  const passageText = (section: { key: string; content: unknown }, blockId: string) => {
    if (!blocksBySection.has(section.key)) {
      blocksBySection.set(
        section.key,
        new Map(readPassages(section.content as JSONContent).map((p) => [p.blockId, p.text])),
      );
    }
    return blocksBySection.get(section.key)!.get(blockId) ?? null;
  };
  // Paragraph numbers for each target passage ("OP 4") and the rationales' references, from the one reader.
  const numbers = amendments.length ? await readPlanNumbering(getPrisma(), planId) : new Map<string, ParagraphNumber>();
  const listed = amendments.map(({ section, sponsors, rationaleRefs, ...amendment }) => {
    const current = passageText(section, amendment.blockId);
    const quote = { exact: amendment.quoteExact, prefix: amendment.quotePrefix, suffix: amendment.quoteSuffix };
    const content = section.content as JSONContent;
    const isParagraphChange = isParagraphAmendment(amendment.kind);
    const isCurrent = isParagraphChange
      ? isParagraphChangeCurrent(content, amendment as ParagraphChange)
      : isQuoteAmendable(content, amendment.blockId, quote);
    const isStale = amendment.status === "pending" && (amendment.staleSinceRevision !== null || !isCurrent);
    return {
      id: amendment.id,
      number: amendment.number,
      section: { key: section.key, title: section.title },
      /** Removed with its section: kept, shown as such, and not to be accepted until a version restores the section. */
      isSectionRemoved: section.removedAt !== null,
      blockId: amendment.blockId,
      paragraph: numbers.get(amendment.blockId)?.reference ?? null,
      quote,
      kind: amendment.kind,
      /** A whole-paragraph amendment, named from the current numbering ("New paragraph OP 5 bis"); null for words. */
      paragraphChange: isParagraphChange
        ? {
            label: describeParagraphChange(amendment as ParagraphChange, numbers, blocksBySection.get(section.key)),
            paragraphKind: amendment.paragraphKind,
            paragraphLevel: amendment.paragraphLevel,
            targetBlockId: amendment.targetBlockId,
            target: amendment.targetBlockId ? (numbers.get(amendment.targetBlockId)?.reference ?? null) : null,
          }
        : null,
      newText: amendment.newText,
      rationale: amendment.rationale,
      rationaleReferences: showParagraphReferences(amendment.rationale, readStoredReferences(rationaleRefs), numbers),
      status: amendment.status,
      state: (isStale ? "stale" : amendment.status) as AmendmentState,
      /** Set when a revision's text no longer held its target: shown as "stale since Rev.N". */
      staleSinceRevision: amendment.staleSinceRevision,
      // Only when stale: what the passage says now, to compare with the target.
      currentText: isStale ? (current ?? "") : null,
      diff: diffAmendment(amendment, current),
      delegation: amendment.delegation,
      author: amendment.author,
      sponsors: sponsors.map((s) => s.delegation),
      decidedBy: amendment.decidedBy,
      decidedAt: amendment.decidedAt,
      decisionReason: amendment.decisionReason,
      withdrawnAt: amendment.withdrawnAt,
      createdAt: amendment.createdAt,
      abilities: presentAmendmentAbilities(viewer, amendment),
    };
  });
  return filter.state === "pending"
    ? listed.filter((a) => a.state === "pending")
    : filter.state === "stale"
      ? listed.filter((a) => a.state === "stale")
      : listed;
}

export type ListedAmendment = Awaited<ReturnType<typeof listAmendments>>[number];
