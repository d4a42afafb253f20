/**
 * Keeps block ids unique while people edit: a new block (Enter, paste, a
 * list item) gets a fresh id, and a duplicate (pasted from elsewhere in the
 * document) is renamed, the first occurrence keeping its id. Provenance links
 * point at these ids, so they must never be shared.
 */
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { CITABLE_BLOCK_TYPES_SET } from "./block-types";

export const uniqueBlockIdsKey = new PluginKey("uniqueBlockIds");

/** A short random id; collisions across clients are vanishingly unlikely at 12 base-36 characters. */
export function newBlockId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `b${Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 12)}`;
}

/** Positions of blocks that need a new id: no id, or one already used earlier in the document. */
export function findBlocksNeedingIds(doc: PmNode): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!CITABLE_BLOCK_TYPES_SET.has(node.type.name)) return true;
    const id = node.attrs.blockId as string | null;
    if (!id || seen.has(id)) positions.push(pos);
    else seen.add(id);
    return true;
  });
  return positions;
}

/**
 * Only local edits are fixed, and only by an editable editor: a read-only
 * viewer must never write, and a remote change is its author's to fix (the
 * author's own editor runs this same plugin).
 */
export function uniqueBlockIdsPlugin(isEditable: () => boolean): Plugin {
  return new Plugin({
    key: uniqueBlockIdsKey,
    appendTransaction(transactions: readonly Transaction[], _old, state) {
      if (!isEditable()) return null;
      const isLocalEdit = transactions.some(
        (tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey) && !tr.getMeta(uniqueBlockIdsKey),
      );
      if (!isLocalEdit) return null;
      const positions = findBlocksNeedingIds(state.doc);
      if (!positions.length) return null;
      const tr = state.tr.setMeta(uniqueBlockIdsKey, true).setMeta("addToHistory", false);
      for (const pos of positions) tr.setNodeAttribute(pos, "blockId", newBlockId());
      return tr;
    },
  });
}
