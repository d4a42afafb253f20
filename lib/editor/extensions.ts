/**
 * The Tiptap extension list shared by the server (seeding, text, export) and,
 * later, the editor in the browser and the collaboration server. React-free.
 */
import { Extension } from "@tiptap/core";
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/** Node types whose blocks can be cited: a provenance link points at their blockId. */
export const CITABLE_BLOCK_TYPES = ["paragraph", "listItem", "heading"] as const;

/**
 * A stable id on every citable block, kept in the document itself (so it
 * survives edits and collaboration) and rendered as data-block-id.
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
            parseHTML: (element) => element.getAttribute("data-block-id"),
            renderHTML: (attributes) => (attributes.blockId ? { "data-block-id": attributes.blockId } : {}),
          },
        },
      },
    ];
  },
});

/** The one list of extensions. Undo/redo is left to the collaboration layer. */
export function createPlanExtensions(): Extensions {
  return [StarterKit.configure({ undoRedo: false }), BlockId];
}
