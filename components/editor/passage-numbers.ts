/**
 * The numbers of each passage's confirmed sources, shown after the passage
 * as in the reading view ("[1, 2]"). Decorations, not content: they follow
 * the provenance, which lives in the database, not in the shared document.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export type PassageMarker = { text: string; needsCheck: boolean };
export const passageNumbersKey = new PluginKey<ReadonlyMap<string, PassageMarker>>("passageNumbers");

function decorate(state: EditorState, markers: ReadonlyMap<string, PassageMarker>): DecorationSet {
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    const marker = markers.get(node.attrs.blockId as string);
    // A list item's paragraph shares the item's passage: mark the item only.
    if (!marker || (node.type.name === "paragraph" && state.doc.resolve(pos).parent.type.name === "listItem"))
      return true;
    const end = node.type.name === "listItem" ? pos + 1 + node.firstChild!.nodeSize - 1 : pos + node.nodeSize - 1;
    decorations.push(
      Decoration.widget(end, () => render(marker), {
        side: 1,
        key: `${node.attrs.blockId}:${marker.text}:${marker.needsCheck}`,
        ignoreSelection: true,
      }),
    );
    return true;
  });
  return DecorationSet.create(state.doc, decorations);
}

function render(marker: PassageMarker): HTMLElement {
  const element = document.createElement("sup");
  element.className = `passage-sources ml-1 font-mono text-xs ${marker.needsCheck ? "text-orange-800" : "text-emerald-800"}`;
  element.contentEditable = "false";
  element.textContent = marker.text;
  return element;
}

export const PassageNumbers = Extension.create({
  name: "passageNumbers",
  addProseMirrorPlugins() {
    return [
      new Plugin<ReadonlyMap<string, PassageMarker>>({
        key: passageNumbersKey,
        state: {
          init: () => new Map(),
          apply: (tr, markers) => tr.getMeta(passageNumbersKey) ?? markers,
        },
        props: {
          decorations: (state) => decorate(state, passageNumbersKey.getState(state) ?? new Map()),
        },
      }),
    ];
  },
});
