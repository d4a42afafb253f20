/**
 * Writing a footnote of free text (lib/editor/extensions.ts Footnote): a new
 * one goes at the caret, after any selected words; with a footnote selected,
 * its words are replaced. One command for the toolbar's form.
 */
import { Extension } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { newBlockId } from "./block-ids";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    footnoteCommands: {
      /** Inserts a footnote with these words at the caret, or rewrites the selected footnote's words. */
      setFootnote: (text: string) => ReturnType;
    };
  }
}

/** The selected footnote's words, or null when no footnote is selected. */
export function readSelectedFootnote(state: EditorState): string | null {
  const { selection } = state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== "footnote") return null;
  return String(selection.node.attrs.text ?? "");
}

function writeFootnote(tr: Transaction, text: string): boolean {
  const words = text.trim();
  if (!words) return false;
  const { selection } = tr;
  if (selection instanceof NodeSelection && selection.node.type.name === "footnote") {
    tr.setNodeMarkup(selection.from, undefined, { ...selection.node.attrs, text: words });
    return true;
  }
  const footnote = tr.doc.type.schema.nodes.footnote.create({ noteId: newBlockId(), text: words });
  tr.insert(selection.to, footnote);
  return true;
}

export const FootnoteCommands = Extension.create({
  name: "footnoteCommands",
  addCommands() {
    return {
      setFootnote:
        (text) =>
        ({ tr, state, dispatch }) =>
          writeFootnote(dispatch ? tr : state.tr, text),
    };
  },
});
