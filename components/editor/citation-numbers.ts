/**
 * Numbers the citations of a live document in document order, as node
 * decorations the citation node view reads: inserting or deleting one
 * renumbers the rest at once, and the number is real text (accessible,
 * searchable) rather than CSS-generated.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export const citationNumbersKey = new PluginKey<DecorationSet>("citationNumbers");

export type CitationNumberSpec = { citationNumber: number };

function numberCitations(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "citation")
      decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { citationNumber: decorations.length + 1 }));
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

export const CitationNumbers = Extension.create({
  name: "citationNumbers",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: citationNumbersKey,
        state: {
          init: (_, state) => numberCitations(state.doc),
          apply: (tr, numbers) => (tr.docChanged ? numberCitations(tr.doc) : numbers),
        },
        props: { decorations: (state) => citationNumbersKey.getState(state) },
      }),
    ];
  },
});

/** The number a citation node view was decorated with, if any. */
export function citationNumberOf(decorations: readonly { spec: unknown }[]): number | undefined {
  for (const decoration of decorations) {
    const spec = decoration.spec as Partial<CitationNumberSpec>;
    if (typeof spec.citationNumber === "number") return spec.citationNumber;
  }
  return undefined;
}
