/**
 * A plan section as a Yjs document and back, with the shared schema: what
 * the collaboration server, server-side edits and the thread list all use.
 */
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { planSchema as schema } from "./plan-document";

/** The Y.XmlFragment that Tiptap's Collaboration extension edits (its default `field`). */
export const YDOC_FIELD = "default";

/** A Y.Doc holding the given Tiptap JSON, built with the shared schema. */
export function ydocFromContent(content: JSONContent): Y.Doc {
  return prosemirrorJSONToYDoc(schema, content, YDOC_FIELD);
}

/** The Tiptap JSON of a Y.Doc, checked against the shared schema. */
export function contentFromYdoc(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FIELD), schema).toJSON() as JSONContent;
}
