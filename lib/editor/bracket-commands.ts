/**
 * Writing and resolving brackets (lib/editor/brackets.ts), one command each,
 * for the toolbar's form:
 *   - setBracket: brackets the selected words, or retags the bracket at the caret;
 *   - setAlternatives: replaces the selected words with alternatives, or rewrites the selected alternatives;
 *   - resolveBracket: takes a bracket away, keeping its words, or keeps one alternative as plain words.
 */
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { NodeSelection } from "@tiptap/pm/state";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { newBlockId } from "./block-ids";
import { ALTERNATIVES_NODE, BRACKET_MARK, readAlternatives, readDelegationTags } from "./brackets";
import type { TAlternative, TDelegationTag } from "./brackets";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    bracketCommands: {
      /** Brackets the selected words, held by these delegations; at a bracket, retags it instead. */
      setBracket: (options: { delegations: TDelegationTag[] }) => ReturnType;
      /** Replaces the selected words with alternatives (at least two); with alternatives selected, rewrites them. */
      setAlternatives: (options: { options: TAlternative[] }) => ReturnType;
      /** Takes bracket `bracketId` away: its words stay; alternatives become the words of option `keep`. */
      resolveBracket: (options: { bracketId: string; keep?: number }) => ReturnType;
    };
  }
}

/** The bracket at the selection, as the toolbar edits it. */
export type SelectedBracket =
  | { kind: "bracket"; bracketId: string; delegations: TDelegationTag[] }
  | { kind: "alternatives"; bracketId: string; options: TAlternative[] };

/** The bracket at the caret or selected, or null when there is none. */
export function readSelectedBracket(state: Pick<EditorState, "selection" | "storedMarks">): SelectedBracket | null {
  const { selection } = state;
  if (selection instanceof NodeSelection && selection.node.type.name === ALTERNATIVES_NODE)
    return {
      kind: "alternatives",
      bracketId: String(selection.node.attrs.bracketId),
      options: readAlternatives(selection.node.attrs.options),
    };
  const mark = (state.storedMarks ?? selection.$from.marks()).find((m) => m.type.name === BRACKET_MARK);
  const after = selection.$from.nodeAfter?.marks.find((m) => m.type.name === BRACKET_MARK);
  const found = mark ?? after;
  if (!found) return null;
  return {
    kind: "bracket",
    bracketId: String(found.attrs.bracketId),
    delegations: readDelegationTags(found.attrs.delegations),
  };
}

/** Where bracket `bracketId` lies in the document: its marked text's ranges, or its alternatives node. */
export function findBracket(
  doc: PmNode,
  bracketId: string,
): { ranges: { from: number; to: number }[]; alternatives: { pos: number; node: PmNode } | null } {
  const ranges: { from: number; to: number }[] = [];
  let alternatives: { pos: number; node: PmNode } | null = null;
  doc.descendants((node, pos) => {
    if (node.type.name === ALTERNATIVES_NODE && node.attrs.bracketId === bracketId) alternatives = { pos, node };
    if (node.isText && node.marks.some((m) => m.type.name === BRACKET_MARK && m.attrs.bracketId === bracketId))
      ranges.push({ from: pos, to: pos + node.nodeSize });
    return true;
  });
  return { ranges, alternatives };
}

function writeBracket(tr: Transaction, delegations: TDelegationTag[]): boolean {
  const type = tr.doc.type.schema.marks[BRACKET_MARK];
  const selected = readSelectedBracket(tr);
  if (selected?.kind === "bracket") {
    for (const range of findBracket(tr.doc, selected.bracketId).ranges)
      tr.addMark(range.from, range.to, type.create({ bracketId: selected.bracketId, delegations }));
    return true;
  }
  const { from, to, empty } = tr.selection;
  if (empty) return false;
  tr.addMark(from, to, type.create({ bracketId: newBlockId(), delegations }));
  return true;
}

function writeAlternatives(tr: Transaction, options: TAlternative[]): boolean {
  const cleaned = options.map((option) => ({ ...option, text: option.text.trim() })).filter((option) => option.text);
  if (cleaned.length < 2) return false;
  const { selection } = tr;
  if (selection instanceof NodeSelection && selection.node.type.name === ALTERNATIVES_NODE) {
    tr.setNodeMarkup(selection.from, undefined, { ...selection.node.attrs, options: cleaned });
    return true;
  }
  const node = tr.doc.type.schema.nodes[ALTERNATIVES_NODE].create({ bracketId: newBlockId(), options: cleaned });
  tr.replaceWith(selection.from, selection.to, node);
  return true;
}

function removeBracket(tr: Transaction, bracketId: string, keep: number | undefined): boolean {
  const { ranges, alternatives } = findBracket(tr.doc, bracketId);
  const type = tr.doc.type.schema.marks[BRACKET_MARK];
  if (alternatives) {
    const { pos, node } = alternatives as { pos: number; node: PmNode };
    const option = keep === undefined ? undefined : readAlternatives(node.attrs.options)[keep];
    if (!option) return false;
    tr.replaceWith(pos, pos + node.nodeSize, tr.doc.type.schema.text(option.text));
    return true;
  }
  if (!ranges.length) return false;
  for (const range of ranges) tr.removeMark(range.from, range.to, type);
  return true;
}

export const BracketCommands = Extension.create({
  name: "bracketCommands",
  addCommands() {
    return {
      setBracket:
        ({ delegations }) =>
        ({ tr, state, dispatch }) =>
          writeBracket(dispatch ? tr : state.tr, delegations),
      setAlternatives:
        ({ options }) =>
        ({ tr, state, dispatch }) =>
          writeAlternatives(dispatch ? tr : state.tr, options),
      resolveBracket:
        ({ bracketId, keep }) =>
        ({ tr, state, dispatch }) =>
          removeBracket(dispatch ? tr : state.tr, bracketId, keep),
    };
  },
});
