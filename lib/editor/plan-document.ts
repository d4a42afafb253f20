/** Building plan documents as Tiptap JSON, and their plain text. Reading their passages is lib/editor/passages.ts. */
import { getSchema, getText, getTextSerializersFromSchema } from "@tiptap/core";
import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { createPlanExtensions } from "./extensions";

/** Built once: building a schema from the extension list costs far more than using it (the collab server calls toPlainText on every save). */
export const planSchema = getSchema(createPlanExtensions());
const textSerializers = getTextSerializersFromSchema(planSchema);

/** A plain paragraph, with every attribute the schema gives one, so it equals what the editor and Yjs give back. */
export function paragraph(blockId: string, text: string, marks: JSONContent["marks"] = []): JSONContent {
  return {
    type: "paragraph",
    attrs: { blockId, kind: "plain", level: 1 },
    content: text ? [{ type: "text", text, ...(marks.length ? { marks } : {}) }] : [],
  };
}

/** A bullet list; an item's label (where a seeded item came from) is shown beside its text, not in it. */
export function bulletList(items: { blockId: string; text: string; label?: string }[]): JSONContent {
  return {
    type: "bulletList",
    content: items.map((item) => ({
      type: "listItem",
      attrs: { blockId: item.blockId, seedLabel: item.label ?? null },
      content: [paragraph(`${item.blockId}.p`, item.text)],
    })),
  };
}

export function doc(content: JSONContent[]): JSONContent {
  return { type: "doc", content };
}

/** The plain text of a document, one block per line. */
export function toPlainText(content: JSONContent): string {
  return getText(Node.fromJSON(planSchema, content), { blockSeparator: "\n", textSerializers })
    .replace(/\n{2,}/g, "\n")
    .trim();
}
