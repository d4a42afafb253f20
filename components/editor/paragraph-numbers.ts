/**
 * A live section's paragraph numbers, endings and opening phrases, drawn as
 * decorations from the plan's one numbering (numberParagraphs in
 * lib/editor/passages.ts, run over every section by paragraph-numbers-store.ts)
 * and described by lib/editor/paragraph-print.ts, as the server-rendered page
 * draws them. Decorations, never document text: the marker is a data
 * attribute that CSS puts before the paragraph, the printed ending a widget.
 * The numbers come in as a transaction's meta; the ending and italics
 * follow the text at once as it is typed.
 */
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { describeParagraphPrint, PRINT_CLASSES } from "@/lib/editor/paragraph-print";
import type { TextSpan } from "@/lib/editor/paragraph-print";
import { readPassageNode } from "@/lib/editor/passages";
import type { ParagraphNumber } from "@/lib/editor/passages";

/** The section's paragraphs' numbers, by blockId. */
export type SectionNumbers = ReadonlyMap<string, ParagraphNumber>;

type ParagraphNumbersState = { numbers: SectionNumbers; decorations: DecorationSet };

export const paragraphNumbersKey = new PluginKey<ParagraphNumbersState>("paragraphNumbers");

/** What the ending widget says to the eye and, as its title, to a pointer or screen reader. */
export function describeEnding(ending: string): { text: string; title: string } {
  return { text: ending, title: `Prints with “${ending}” at the end` };
}

function decorate(doc: PmNode, numbers: SectionNumbers): DecorationSet {
  if (numbers.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  // Numbered paragraphs are top-level blocks only (a list item's paragraphs are not passages).
  doc.forEach((node, offset) => {
    const passage = readPassageNode(node, false);
    const number = passage && numbers.get(passage.blockId);
    if (!passage || !number) return;
    const print = describeParagraphPrint(passage.text, number);
    if (print.marker)
      decorations.push(Decoration.node(offset, offset + node.nodeSize, { "data-marker": print.marker }));
    for (const span of positionsOf(node, offset, print.opening))
      decorations.push(Decoration.inline(span.from, span.to, { class: PRINT_CLASSES.opening }));
    for (const span of positionsOf(node, offset, print.stray))
      decorations.push(Decoration.inline(span.from, span.to, { class: PRINT_CLASSES.stray }));
    if (print.ending) {
      const ending = print.ending;
      // Side 0: the caret at the end of the words stays before the ending, so typing goes in front of it.
      decorations.push(
        Decoration.widget(offset + node.nodeSize - 1, () => renderEnding(ending), {
          side: 0,
          marks: [],
          key: `ending:${ending}`,
          ignoreSelection: true,
          paragraphEnding: { blockId: passage.blockId, ending },
        }),
      );
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** A span of the paragraph's text (offsets that count only its text) as document positions, one per text node it crosses. */
function positionsOf(paragraph: PmNode, offset: number, span: TextSpan | null): TextSpan[] {
  if (!span) return [];
  const spans: TextSpan[] = [];
  let chars = 0;
  paragraph.forEach((inline, inlineOffset) => {
    if (!inline.isText) return;
    const length = inline.text!.length;
    const from = Math.max(span.from, chars);
    const to = Math.min(span.to, chars + length);
    const start = offset + 1 + inlineOffset;
    if (from < to) spans.push({ from: start + (from - chars), to: start + (to - chars) });
    chars += length;
  });
  return spans;
}

function renderEnding(ending: string): HTMLElement {
  const { text, title } = describeEnding(ending);
  const element = document.createElement("span");
  element.className = PRINT_CLASSES.ending;
  element.contentEditable = "false";
  element.title = title;
  element.textContent = text;
  return element;
}

const NONE: ParagraphNumbersState = { numbers: new Map(), decorations: DecorationSet.empty };

/** The plugin; a section's numbers come in as the meta of a transaction (paragraphNumbersKey). */
export function createParagraphNumbersPlugin(): Plugin<ParagraphNumbersState> {
  return new Plugin<ParagraphNumbersState>({
    key: paragraphNumbersKey,
    state: {
      init: () => NONE,
      apply: (tr, previous) => {
        const given = tr.getMeta(paragraphNumbersKey) as SectionNumbers | undefined;
        if (!given && (!tr.docChanged || previous === NONE)) return previous;
        const numbers = given ?? previous.numbers;
        return { numbers, decorations: decorate(tr.doc, numbers) };
      },
    },
    props: { decorations: (state) => paragraphNumbersKey.getState(state)?.decorations },
  });
}

export const ParagraphNumbers = Extension.create({
  name: "paragraphNumbers",
  addProseMirrorPlugins: () => [createParagraphNumbersPlugin()],
});
