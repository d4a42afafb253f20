/**
 * The numbers of a live section's sources, drawn as decorations: on each
 * citation, and after each passage for the confirmed sources its text does
 * not cite (passage-marker.ts: "[1, 2] ⚠ 1 to re-check"). Both come from the
 * one numbering of lib/editor/passages.ts, which the page and the export use
 * too, so a source never shows two numbers. Inserting or deleting a citation
 * renumbers at once. Decorations, not content: the links live in the
 * database, not in the shared document, and the numbers are real text
 * (accessible, searchable) rather than CSS-generated.
 */
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { footnoteKey, groupConfirmedByBlock, numberSources, readPassages } from "@/lib/editor/passages";
import { renderPassageMarker } from "./passage-marker";
import type { PassageMarker } from "./passage-marker";

/** What the page knows of the section's links: enough to number them. */
export type SectionLink = { id: string; blockId: string; status: string };

type SourceNumbersState = {
  links: readonly SectionLink[];
  decorations: DecorationSet;
  /** Each numbered source's number in the live text, which the passage's sources panel shows too. */
  numberOf: ReadonlyMap<string, number>;
};

export const sourceNumbersKey = new PluginKey<SourceNumbersState>("sourceNumbers");

export type CitationNumberSpec = { citationNumber: number };

function number(doc: PmNode, links: readonly SectionLink[]): SourceNumbersState {
  const numbering = numberSources(readPassages(doc), groupConfirmedByBlock(links));
  return { links, numberOf: numbering.numberOf, decorations: decorate(doc, links, numbering) };
}

function decorate(
  doc: PmNode,
  links: readonly SectionLink[],
  { numberOf, atEnd }: ReturnType<typeof numberSources>,
): DecorationSet {
  const toRecheck = countSuspectByBlock(links);
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "citation") {
      const citationNumber = numberOf.get(String(node.attrs.linkId));
      if (citationNumber) decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { citationNumber }));
      return false;
    }
    if (node.type.name === "footnote") {
      const noteNumber = numberOf.get(footnoteKey(String(node.attrs.noteId)));
      if (noteNumber) decorations.push(Decoration.node(pos, pos + node.nodeSize, footnoteAttributes(noteNumber, node)));
      return false;
    }
    // Keys of atEnd and toRecheck are passage ids only, so a list item's paragraph (an id of its own) never matches.
    const blockId = node.attrs.blockId as string | undefined;
    const marker: PassageMarker = {
      numbers: (blockId && atEnd.get(blockId)?.map((id) => numberOf.get(id)!)) || [],
      toRecheck: (blockId && toRecheck.get(blockId)) || 0,
    };
    if (blockId && (marker.numbers.length || marker.toRecheck)) {
      decorations.push(
        Decoration.widget(endOfWords(node, pos), () => renderPassageMarker(marker), {
          side: 1,
          key: `${blockId}:${marker.numbers.join(",")}:${marker.toRecheck}`,
          ignoreSelection: true,
          passageMarker: { blockId, ...marker },
        }),
      );
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/** A footnote's number, drawn by CSS from the attribute (app/globals.css), and named for screen readers. */
export function footnoteAttributes(noteNumber: number, node: { attrs: Record<string, unknown> }) {
  return {
    "data-note-number": String(noteNumber),
    "aria-label": `Footnote ${noteNumber}: ${String(node.attrs.text ?? "")}`,
    role: "note",
  };
}

function countSuspectByBlock(links: readonly SectionLink[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of links)
    if (link.status === "suspect") counts.set(link.blockId, (counts.get(link.blockId) ?? 0) + 1);
  return counts;
}

/** Where a passage's words end: inside its text, or a list item's last paragraph, before any list nested in it. */
function endOfWords(node: PmNode, pos: number): number {
  if (node.isTextblock) return pos + node.nodeSize - 1;
  let end = pos + 1;
  node.forEach((child, offset) => {
    if (child.isTextblock) end = pos + 1 + offset + child.nodeSize - 1;
  });
  return end;
}

const NOT_YET: SourceNumbersState = { links: [], decorations: DecorationSet.empty, numberOf: new Map() };

/** The plugin; the links come in as the meta of a transaction (sourceNumbersKey). */
export function createSourceNumbersPlugin(): Plugin<SourceNumbersState> {
  return new Plugin<SourceNumbersState>({
    key: sourceNumbersKey,
    state: {
      // No numbers before the page has given the links: numbering the citations alone would show [1] for a
      // source that is [4] a moment later.
      init: () => NOT_YET,
      apply: (tr, previous) => {
        const given = tr.getMeta(sourceNumbersKey) as readonly SectionLink[] | undefined;
        if (!given && previous === NOT_YET) return previous;
        const links = given ?? previous.links;
        if (!tr.docChanged && links === previous.links) return previous;
        return number(tr.doc, links);
      },
    },
    props: { decorations: (state) => sourceNumbersKey.getState(state)?.decorations },
  });
}

export const SourceNumbers = Extension.create({
  name: "sourceNumbers",
  addProseMirrorPlugins: () => [createSourceNumbersPlugin()],
});

/** The live text's numbering of its sources, once the editor has the links. */
export function readSourceNumbers(state: EditorState): ReadonlyMap<string, number> | undefined {
  const numbering = sourceNumbersKey.getState(state);
  return numbering && numbering !== NOT_YET ? numbering.numberOf : undefined;
}

/** The number a citation node view was decorated with, if any. */
export function citationNumberOf(decorations: readonly { spec: unknown }[]): number | undefined {
  for (const decoration of decorations) {
    const spec = decoration.spec as Partial<CitationNumberSpec>;
    if (typeof spec.citationNumber === "number") return spec.citationNumber;
  }
  return undefined;
}
