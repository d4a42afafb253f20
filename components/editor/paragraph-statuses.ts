/**
 * A live section's paragraph statuses (agreed ad ref, agreed) drawn as a
 * badge before each paragraph's words: a decoration, never document text,
 * given as a transaction's meta whenever the page hears that a status
 * changed (components/live/live-plan-activity.tsx renders the page again).
 * Pending paragraphs, the default, carry no badge.
 */
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { readPassageNode } from "@/lib/editor/passages";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";
import { STATUS_STYLE } from "@/components/plan/paragraph-status-style";

export type SectionStatuses = ReadonlyMap<string, TParagraphStatus>;

type StatusesState = { statuses: SectionStatuses; decorations: DecorationSet };

export const paragraphStatusesKey = new PluginKey<StatusesState>("paragraphStatuses");

/** The badge's classes: the same tones as components/ui/badge.tsx, which a widget (plain DOM) cannot render. */
const TONE_CLASSES: Record<string, string> = {
  warning: "bg-amber-100 text-amber-900",
  success: "bg-emerald-100 text-emerald-900",
  info: "bg-sky-100 text-sky-900",
};

function decorate(doc: PmNode, statuses: SectionStatuses): DecorationSet {
  if (statuses.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, offset) => {
    if (node.isInline) return false;
    const passage = readPassageNode(node, false);
    const status = passage && statuses.get(passage.blockId);
    if (!passage || !status || status === "pending") return true;
    // Inside the paragraph, before its first word; a list item's badge goes in its first paragraph.
    const at = node.isTextblock ? offset + 1 : offset + 2;
    decorations.push(
      Decoration.widget(at, () => renderBadge(status), {
        side: -1,
        ignoreSelection: true,
        key: `status:${passage.blockId}:${status}`,
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

function renderBadge(status: TParagraphStatus): HTMLElement {
  const style = STATUS_STYLE[status];
  const badge = document.createElement("span");
  badge.className = `paragraph-status mr-1 inline-block rounded px-1.5 text-xs font-medium not-italic ${TONE_CLASSES[style.tone]}`;
  badge.contentEditable = "false";
  badge.dataset.status = status;
  badge.dataset.testid = "paragraph-status";
  badge.textContent = style.label;
  return badge;
}

const NONE: StatusesState = { statuses: new Map(), decorations: DecorationSet.empty };

export const ParagraphStatuses = Extension.create({
  name: "paragraphStatuses",
  addProseMirrorPlugins: () => [
    new Plugin<StatusesState>({
      key: paragraphStatusesKey,
      state: {
        init: () => NONE,
        apply: (tr, previous) => {
          const given = tr.getMeta(paragraphStatusesKey) as SectionStatuses | undefined;
          if (given) return { statuses: given, decorations: decorate(tr.doc, given) };
          if (!tr.docChanged || previous === NONE) return previous;
          return { statuses: previous.statuses, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        },
      },
      props: { decorations: (state) => paragraphStatusesKey.getState(state)?.decorations },
    }),
  ],
});
