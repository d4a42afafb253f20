/**
 * Facilitators-only threads, drawn in their viewers' editors. Such a thread
 * has no mark in the shared document (delegates and observers receive that
 * document too): its anchor is a pair of Yjs relative positions on the thread
 * (lib/comments/anchor-range.ts), turned here into a decoration that looks
 * and behaves like a comment mark (the same class and data-thread-ids), so
 * clicking, focusing and aligning threads work the same way.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { decodeAnchorRange } from "@/lib/comments/anchor-range";
import type { TAnchorRange } from "@/lib/comments/anchor-range";
import { RESOLVED_MARK_CLASS } from "./resolved-comment-marks";

export type PrivateAnchor = { threadId: string; range: TAnchorRange; isResolved: boolean };
type PluginState = { anchors: readonly PrivateAnchor[]; decorations: DecorationSet };

export const privateCommentMarksKey = new PluginKey<PluginState>("privateCommentMarks");

/** Where each anchor lies in the editor now, read from the Yjs document the editor is bound to. */
function decorate(state: EditorState, anchors: readonly PrivateAnchor[]): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as
    { doc?: unknown; type?: unknown; binding?: { mapping: unknown } } | undefined;
  if (!anchors.length || !sync?.binding) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const { threadId, range, isResolved } of anchors) {
    const positions = decodeAnchorRange(range);
    if (!positions) continue;
    const toPosition = (relative: unknown) =>
      relativePositionToAbsolutePosition(
        sync.doc as never,
        sync.type as never,
        relative,
        sync.binding!.mapping as never,
      );
    const from = toPosition(positions.start);
    const to = toPosition(positions.end);
    if (from === null || to === null || from >= to || to > state.doc.content.size) continue;
    decorations.push(
      Decoration.inline(from, to, {
        class: `comment-mark comment-mark-private${isResolved ? ` ${RESOLVED_MARK_CLASS}` : ""}`,
        "data-thread-ids": threadId,
        title: "Facilitators only",
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * New anchors, and changes that came through Yjs (a remote edit, the first
 * sync), are read from Yjs again. A local edit only moves the decorations:
 * Yjs learns of it after this transaction, so reading it now would be stale.
 */
function apply(tr: Transaction, value: PluginState, state: EditorState): PluginState {
  const anchors = tr.getMeta(privateCommentMarksKey) as readonly PrivateAnchor[] | undefined;
  if (anchors) return { anchors, decorations: decorate(state, anchors) };
  if (tr.getMeta(ySyncPluginKey)) return { anchors: value.anchors, decorations: decorate(state, value.anchors) };
  return tr.docChanged ? { anchors: value.anchors, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
}

export const PrivateCommentMarks = Extension.create({
  name: "privateCommentMarks",
  addProseMirrorPlugins() {
    return [
      new Plugin<PluginState>({
        key: privateCommentMarksKey,
        state: {
          init: () => ({ anchors: [], decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => apply(tr, value, state),
        },
        props: { decorations: (state) => privateCommentMarksKey.getState(state)?.decorations },
      }),
    ];
  },
});
