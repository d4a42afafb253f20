/**
 * The Tiptap extension list shared by everything that reads or writes a plan
 * document: the seed, the collaboration server (Y.Doc ⇄ JSON), exports, the
 * tests and — with its collaboration and view extensions added on top — the
 * editor in the browser. React-free, so the collab server can import it.
 */
import { Extension, Mark, mergeAttributes, Node } from "@tiptap/core";
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { uniqueBlockIdsPlugin } from "./block-ids";
import { Alternatives, BracketMark } from "./brackets";
import { CITABLE_BLOCK_TYPES } from "./block-types";
import { dataAttribute } from "./data-attribute";
import { readParagraphKind, readSubparagraphLevel } from "./paragraph-kinds";

/**
 * A stable id on every citable block, kept in the document itself (so it
 * survives edits and collaboration) and rendered as data-block-id. A block
 * split in two keeps its id on the first half; the editor gives the second
 * half, and any pasted duplicate, a fresh one.
 */
export const BlockId = Extension.create({
  name: "blockId",
  addGlobalAttributes() {
    return [
      {
        types: [...CITABLE_BLOCK_TYPES],
        attributes: {
          blockId: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute("data-block-id"),
            renderHTML: (attributes) => (attributes.blockId ? { "data-block-id": attributes.blockId } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [uniqueBlockIdsPlugin(() => this.editor.isEditable)];
  },
});

/**
 * Which summary list a seeded list item came from ("Agreed", "Gap", "In
 * favour"), shown as a label beside the item and never as words in it: the
 * item's text is draft text a facilitator can keep. Rendered as
 * data-seed-label (drawn by CSS, app/globals.css), left out of plain text and
 * exports, and not carried to the new item when Enter splits one.
 */
export const SeedLabel = Extension.create({
  name: "seedLabel",
  addGlobalAttributes() {
    return [
      {
        types: ["listItem"],
        attributes: {
          seedLabel: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute("data-seed-label"),
            renderHTML: (attributes) => (attributes.seedLabel ? { "data-seed-label": attributes.seedLabel } : {}),
          },
        },
      },
    ];
  },
});

/**
 * A paragraph's kind in a General Assembly text: plain, preambular, operative
 * or sub-paragraph (lib/editor/paragraph-kinds.ts says why it is an attribute
 * and not a node type). Enter carries the kind to the new paragraph, as a
 * drafter writing operative paragraphs expects. Rendered as data-kind and
 * data-level; the numbers and endings are drawn from lib/editor/passages.ts.
 */
export const ParagraphKind = Extension.create({
  name: "paragraphKind",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph"],
        attributes: {
          kind: {
            default: "plain",
            keepOnSplit: true,
            parseHTML: (element) => readParagraphKind(element.getAttribute("data-kind")),
            renderHTML: (attributes) => (attributes.kind !== "plain" ? { "data-kind": attributes.kind } : {}),
          },
          level: {
            default: 1,
            keepOnSplit: true,
            parseHTML: (element) => readSubparagraphLevel(element.getAttribute("data-level")),
            renderHTML: (attributes) => (attributes.kind === "subparagraph" ? { "data-level": attributes.level } : {}),
          },
        },
      },
    ];
  },
});

/**
 * A citation in the text: an inline atom that carries the id of the
 * provenance link it stands for. Its number is not stored: it follows from
 * document order (a CSS counter), so inserting one renumbers the rest.
 * Plain text leaves it out, so passages and their fingerprints are the words alone.
 */
export const Citation = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      linkId: dataAttribute("linkId", "data-link-id"),
    };
  },
  parseHTML() {
    return [{ tag: "sup[data-citation]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["sup", mergeAttributes({ "data-citation": "", class: "citation" }, HTMLAttributes)];
  },
  renderText() {
    return "";
  },
});

/**
 * A footnote of free text (a treaty, a resolution, a report), besides the
 * citations to the dialogue: an inline atom holding its own words. Numbered
 * with the citations, in reading order (lib/editor/passages.ts), so a printed
 * document has one run of notes; plain text leaves it out, as it does citations.
 */
export const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      noteId: dataAttribute("noteId", "data-note-id"),
      text: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-note-text") ?? "",
        renderHTML: (attributes) => ({ "data-note-text": attributes.text, title: attributes.text }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "sup[data-footnote]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["sup", mergeAttributes({ "data-footnote": "", class: "footnote-ref" }, HTMLAttributes)];
  },
  renderText() {
    return "";
  },
});

/**
 * The text a comment thread is anchored to. Placed by the collaboration
 * server, never by a delegate's editor. One mark carries every thread on its
 * text ("id1 id2"), so overlapping comments do not overwrite each other;
 * text typed at its edges does not join it.
 */
export const CommentMark = Mark.create({
  name: "comment",
  inclusive: false,
  addAttributes() {
    return {
      threadIds: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-thread-ids") ?? "",
        renderHTML: (attributes) => ({ "data-thread-ids": attributes.threadIds }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-thread-ids]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "comment-mark" }, HTMLAttributes), 0];
  },
});

/**
 * The one list of document extensions. Undo/redo is left to the collaboration
 * layer (Yjs undo). No trailing node: it makes every editor that opens a
 * document append its own empty paragraph — a write even from read-only
 * viewers, and one empty paragraph per concurrent editor.
 */
export function createPlanExtensions(): Extensions {
  return [
    StarterKit.configure({ undoRedo: false, trailingNode: false }),
    BlockId,
    SeedLabel,
    ParagraphKind,
    Citation,
    Footnote,
    CommentMark,
    BracketMark,
    Alternatives,
  ];
}
