/** Node types whose blocks can be cited: a provenance link points at their blockId. */
export const CITABLE_BLOCK_TYPES = ["paragraph", "listItem", "heading"] as const;
export const CITABLE_BLOCK_TYPES_SET: ReadonlySet<string> = new Set(CITABLE_BLOCK_TYPES);
