/** Building and reading plan documents as Tiptap JSON, on the server. */
import { getSchema, getText, getTextSerializersFromSchema } from "@tiptap/core";
import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { createPlanExtensions } from "./extensions";

/** Built once: building a schema from the extension list costs far more than using it (the collab server calls toPlainText on every save). */
export const planSchema = getSchema(createPlanExtensions());
const textSerializers = getTextSerializersFromSchema(planSchema);

export type Block = { blockId: string; type: string; text: string };

export function paragraph(blockId: string, text: string, marks: JSONContent["marks"] = []): JSONContent {
  return {
    type: "paragraph",
    attrs: { blockId },
    content: text ? [{ type: "text", text, ...(marks.length ? { marks } : {}) }] : [],
  };
}

export function bulletList(items: { blockId: string; text: string }[]): JSONContent {
  return {
    type: "bulletList",
    content: items.map((item) => ({
      type: "listItem",
      attrs: { blockId: item.blockId },
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

/** The citable blocks of a document in order, each with its own text (a list item's text is its paragraphs'). */
export function listBlocks(content: JSONContent): Block[] {
  const blocks: Block[] = [];
  const visit = (node: JSONContent, insideListItem: boolean) => {
    const blockId = node.attrs?.blockId as string | undefined;
    const isListItem = node.type === "listItem";
    if (blockId && (isListItem || (!insideListItem && (node.type === "paragraph" || node.type === "heading")))) {
      blocks.push({ blockId, type: node.type!, text: collectText(node) });
    }
    for (const child of node.content ?? []) visit(child, insideListItem || isListItem);
  };
  visit(content, false);
  return blocks;
}

function collectText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(collectText).join(node.type === "listItem" ? " " : "");
}

/**
 * The citations of a document in order, each with the citable block it sits
 * in (the list item, for a paragraph inside one). A link cited twice appears twice.
 */
export function listCitations(content: JSONContent): { linkId: string; blockId: string | null }[] {
  const citations: { linkId: string; blockId: string | null }[] = [];
  const visit = (node: JSONContent, blockId: string | null) => {
    if (node.type === "citation" && typeof node.attrs?.linkId === "string")
      citations.push({ linkId: node.attrs.linkId, blockId });
    const ownId = (node.attrs?.blockId as string | undefined) ?? null;
    // A paragraph inside a list item belongs to the item's passage.
    const passage = blockId && node.type === "paragraph" ? blockId : (ownId ?? blockId);
    for (const child of node.content ?? []) visit(child, passage);
  };
  visit(content, null);
  return citations;
}

/** The comment threads that still have marked text in a document. */
export function listAnchoredThreadIds(content: JSONContent): Set<string> {
  const ids = new Set<string>();
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === "comment")
        for (const id of String(mark.attrs?.threadIds ?? "")
          .split(" ")
          .filter(Boolean))
          ids.add(id);
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(content);
  return ids;
}

/**
 * The runs of plain text in a passage, split wherever the Yjs document splits
 * them: at inline nodes (a citation, a line break) and between paragraphs.
 * Text the server edits through Yjs must lie inside one run; null when the
 * passage is gone.
 */
export function listPassageTextRuns(content: JSONContent, blockId: string): string[] | null {
  const find = (node: JSONContent): JSONContent | null => {
    if (node.attrs?.blockId === blockId) return node;
    for (const child of node.content ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const passage = find(content);
  if (!passage) return null;
  const runs: string[] = [];
  const visit = (node: JSONContent) => {
    const children = node.content ?? [];
    if (!children.some((child) => child.type === "text")) return children.forEach(visit);
    let run = "";
    for (const child of children) {
      if (child.type === "text") {
        run += child.text ?? "";
      } else {
        runs.push(run);
        run = "";
      }
    }
    runs.push(run);
  };
  visit(passage);
  return runs;
}
