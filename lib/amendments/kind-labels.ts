/** How each kind of amendment is named on a card and in a compilation: the word-level kinds and the paragraph ones. */
export const AMENDMENT_KIND_LABELS: Record<string, string> = {
  replace: "Replace",
  insert_after: "Insert after",
  delete: "Delete",
  insert_paragraph: "New paragraph",
  delete_paragraph: "Delete paragraph",
  move_paragraph: "Move paragraph",
};

/** The label of a kind; one this build does not know (a newer backup's, say) reads as its own name. */
export function labelAmendmentKind(kind: string): string {
  return AMENDMENT_KIND_LABELS[kind] ?? kind.replace(/_/g, " ");
}
