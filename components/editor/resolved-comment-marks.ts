/**
 * Resolved threads' marks fade: the shared text carries only which threads a
 * mark belongs to, not their status, so each editor decorates the marks whose
 * threads are all resolved, from the thread list its page holds. A mark that
 * still has an open thread keeps its full highlight.
 */
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

type PluginState = { resolved: ReadonlySet<string>; decorations: DecorationSet };

export const resolvedCommentMarksKey = new PluginKey<PluginState>("resolvedCommentMarks");

/** The class the stylesheet fades (app/globals.css). */
export const RESOLVED_MARK_CLASS = "comment-mark-resolved";

function decorate(doc: ProseMirrorNode, resolved: ReadonlySet<string>): DecorationSet {
  if (resolved.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    const ids = String(node.marks.find((mark) => mark.type.name === "comment")?.attrs.threadIds ?? "")
      .split(" ")
      .filter(Boolean);
    if (ids.length > 0 && ids.every((id) => resolved.has(id)))
      decorations.push(Decoration.inline(position, position + node.nodeSize, { class: RESOLVED_MARK_CLASS }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

function apply(tr: Transaction, value: PluginState): PluginState {
  const resolved = tr.getMeta(resolvedCommentMarksKey) as ReadonlySet<string> | undefined;
  if (resolved) return { resolved, decorations: decorate(tr.doc, resolved) };
  // Marks come and go with edits (a new thread's mark arrives through Yjs): read the document again.
  return tr.docChanged ? { resolved: value.resolved, decorations: decorate(tr.doc, value.resolved) } : value;
}

export const ResolvedCommentMarks = Extension.create({
  name: "resolvedCommentMarks",
  addProseMirrorPlugins() {
    return [
      new Plugin<PluginState>({
        key: resolvedCommentMarksKey,
        state: {
          init: () => ({ resolved: new Set(), decorations: DecorationSet.empty }),
          apply: (tr, value) => apply(tr, value),
        },
        props: { decorations: (state) => resolvedCommentMarksKey.getState(state)?.decorations },
      }),
    ];
  },
});
