/**
 * Makes a section's Yjs document hold the given Tiptap JSON, through Yjs:
 * y-tiptap's updateYFragment (what the editor's own sync uses) changes only
 * the nodes that differ, so an editor's caret in an untouched passage stays
 * put and the change merges with concurrent typing like any other edit.
 * Returns false when the document already holds that content.
 */
import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { updateYFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { YDOC_FIELD, contentFromYdoc } from "@/lib/editor/ydoc";
import { planSchema } from "@/lib/editor/plan-document";

export function replaceDocument({ doc, content }: { doc: Y.Doc; content: JSONContent }): boolean {
  const target = Node.fromJSON(planSchema, content);
  if (JSON.stringify(contentFromYdoc(doc)) === JSON.stringify(target.toJSON())) return false;
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(YDOC_FIELD), target, { mapping: new Map(), isOMark: new Map() });
  });
  return true;
}
