"use client";

/**
 * One plan section, live: a Tiptap editor bound to the section's Y.Doc on
 * the collaboration server. Facilitators edit it; everyone else watches it
 * change (the server enforces that, this only hides the caret). Until the
 * first sync it shows the server-rendered text, so the page is never blank.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Placeholder from "@tiptap/extension-placeholder";
import { EditorContent, ReactNodeViewRenderer, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import type { ThreadView } from "@/components/comments/use-threads";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { readSectionNotice } from "@/lib/collab/section-notice";
import { Citation, createPlanExtensions } from "@/lib/editor/extensions";
import { readPassageNode } from "@/lib/editor/passages";
import type { ResolvedPos } from "@tiptap/pm/model";
import { CitationView } from "./citation-view";
import { useCollabSession } from "./collab-session";
import { passageOfElement, usePassageNavigation } from "./passage-navigation";
import { PrivateCommentMarks, privateCommentMarksKey } from "./private-comment-marks";
import { ResolvedCommentMarks, resolvedCommentMarksKey } from "./resolved-comment-marks";
import { FootnoteCommands } from "@/lib/editor/footnote-commands";
import { ParagraphCommands } from "@/lib/editor/paragraph-commands";
import { BracketCommands } from "@/lib/editor/bracket-commands";
import { ParagraphNumbers } from "./paragraph-numbers";
import { ParagraphStatuses, paragraphStatusesKey } from "./paragraph-statuses";
import type { SectionStatuses } from "./paragraph-statuses";
import { ParagraphToolbar } from "./paragraph-toolbar";
import { SourceNumbers, sourceNumbersKey } from "./source-numbers";
import type { SectionLink } from "./source-numbers";
import type { PrivateAnchor } from "./private-comment-marks";
import type { Present } from "./presence";
import { Presence } from "./presence";
import type { SaveState } from "./save-status";
import { SaveStatus } from "./save-status";
import { useBuildTurn } from "./use-build-turn";
import { useParagraphNumbers } from "./use-paragraph-numbers";
import { useProviderState } from "./use-provider-state";

export type ActivePassage = { blockId: string; text: string };

type Props = {
  planId: string;
  sectionId: string;
  title: string;
  canEdit: boolean;
  /** The section's links, which number its sources (components/editor/source-numbers.ts). */
  links: readonly SectionLink[];
  /** Facilitators-only threads' anchors, which are not marks in the shared text (private-comment-marks.ts). */
  privateAnchors: readonly PrivateAnchor[];
  /** The threads that are resolved, whose marks fade (resolved-comment-marks.ts). */
  resolvedThreadIds: ReadonlySet<string>;
  /** Its paragraphs' statuses other than pending, by blockId (paragraph-statuses.ts). */
  statuses: SectionStatuses;
  fallback: React.ReactNode;
  /** A passage was opened (the caret moved into it, or a reader clicked it or pressed Enter on it). */
  onActivePassage: (passage: ActivePassage | null, options?: { isKeyboard?: boolean }) => void;
  onEditor: (editor: Editor | null) => void;
  /** The collab server says this section's comment threads, or its amendments, changed. */
  onSectionNotice: (type: SectionNotice) => void;
};

export function SectionEditor(props: Props) {
  const { socket } = useCollabSession();
  // The provider needs the page's socket, which exists only after mount.
  if (!socket)
    return (
      <LiveFrame state="connecting" canEdit={props.canEdit} people={[]}>
        {props.fallback}
      </LiveFrame>
    );
  return <ConnectedEditor {...props} />;
}

/** What the collab server says about a section: its threads changed (with them, unless too many to push), or its amendments did. */
export type SectionNotice = { type: "threads-changed"; threads: ThreadView[] | null } | { type: "amendments-changed" };

function ConnectedEditor({
  planId,
  sectionId,
  title,
  canEdit,
  links,
  privateAnchors,
  resolvedThreadIds,
  statuses,
  fallback,
  onActivePassage,
  onEditor,
  onSectionNotice,
}: Props) {
  const { socket, getToken, user } = useCollabSession();
  const [doc] = useState(() => new Y.Doc());
  const [state, setState] = useState<SaveState>("connecting");
  const [isSynced, setSynced] = useState(false);
  const [people, setPeople] = useState<Present[]>([]);
  const [editor, setEditor] = useState<Editor | null>(null);
  const isTurn = useBuildTurn();

  const provider = useMemo(() => {
    const created = new HocuspocusProvider({
      websocketProvider: socket!,
      name: sectionDocumentName({ planId, sectionId }),
      document: doc,
      token: getToken,
    });
    // Readers publish no presence: they still see the drafters' names and carets, but a room of 200
    // readers each renewing a presence every 15 s in every section is 200 × 199 messages per section
    // per renewal (bench/load.ts). With no local state, the caret's field updates are no-ops.
    if (!canEdit) created.awareness?.setLocalState(null);
    return created;
  }, [socket, planId, sectionId, doc, getToken, canEdit]);
  useProviderState(provider, { setState, setSynced, setPeople, selfId: user.id, canEdit });
  useEffect(() => {
    const onStateless = ({ payload }: { payload: string }) => {
      // Checked, never trusted: one that does not parse is ignored, so it cannot take the page down.
      const notice = readSectionNotice(payload);
      if (!notice) return console.warn("Ignored a collaboration notice that is not one of ours.");
      onSectionNotice(
        notice.type === "threads-changed" ? { type: notice.type, threads: notice.threads } : { type: notice.type },
      );
    };
    provider.on("stateless", onStateless);
    return () => void provider.off("stateless", onStateless);
  }, [provider, onSectionNotice]);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  useParagraphNumbers(editor, sectionId, isSynced);
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(sourceNumbersKey, links));
  }, [editor, links, isSynced]);
  useEffect(() => {
    if (editor && !editor.isDestroyed)
      editor.view.dispatch(editor.state.tr.setMeta(privateCommentMarksKey, privateAnchors));
  }, [editor, privateAnchors, isSynced]);
  useEffect(() => {
    if (editor && !editor.isDestroyed)
      editor.view.dispatch(editor.state.tr.setMeta(resolvedCommentMarksKey, resolvedThreadIds));
  }, [editor, resolvedThreadIds, isSynced]);
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(paragraphStatusesKey, statuses));
  }, [editor, statuses, isSynced]);

  // The server-rendered text stays until the live text can replace it: synced, and its editor built.
  const isLive = isSynced && editor !== null;
  return (
    <LiveFrame state={state} canEdit={canEdit} people={people}>
      {!isLive && fallback}
      {isTurn && (
        <LiveText
          provider={provider}
          doc={doc}
          title={title}
          canEdit={canEdit}
          isLive={isLive}
          onActivePassage={onActivePassage}
          onEditor={setEditor}
        />
      )}
    </LiveFrame>
  );
}

/** The Tiptap editor on the section's Y.Doc; reports itself through onEditor once built. */
function LiveText({
  provider,
  doc,
  title,
  canEdit,
  isLive,
  onActivePassage,
  onEditor,
}: {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  title: string;
  canEdit: boolean;
  isLive: boolean;
  onActivePassage: Props["onActivePassage"];
  onEditor: (editor: Editor | null) => void;
}) {
  const { user } = useCollabSession();
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: canEdit,
      extensions: [
        ...createPlanExtensions().map((extension) =>
          extension.name === "citation"
            ? Citation.extend({ addNodeView: () => ReactNodeViewRenderer(CitationView) })
            : extension,
        ),
        Collaboration.configure({ document: doc }),
        CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: user.color } }),
        Placeholder.configure({ placeholder: canEdit ? `Write the ${title} section…` : "" }),
        SourceNumbers,
        ParagraphNumbers,
        ParagraphStatuses,
        ...(canEdit ? [ParagraphCommands, FootnoteCommands, BracketCommands] : []),
        PrivateCommentMarks,
        ResolvedCommentMarks,
      ],
      editorProps: {
        // Tab indents list items inside the text, so Escape is the keyboard's way out: to the passage's sources.
        handleKeyDown: (view, event) => {
          if (event.key !== "Escape") return false;
          (view.dom as HTMLElement).blur();
          view.dom.closest("section")?.querySelector<HTMLElement>('[data-testid="passage-panel"]')?.focus();
          return true;
        },
        attributes: {
          class:
            "plan-text prose-plan min-h-16 rounded-md px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-un",
          "aria-label": `${title}${canEdit ? "" : " (read-only)"}`,
          ...(canEdit ? { "aria-multiline": "true", role: "textbox" } : {}),
        },
      },
      onSelectionUpdate: ({ editor }) => onActivePassage(passageAt(editor)),
      onFocus: ({ editor }) => onActivePassage(passageAt(editor)),
    },
    [provider],
  );
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return canEdit ? (
    <div hidden={!isLive} className="space-y-1">
      {editor && <ParagraphToolbar editor={editor} title={title} />}
      <EditorContent editor={editor} />
    </div>
  ) : (
    <ReadOnlyText editor={editor} isSynced={isLive} title={title} onOpen={onActivePassage}>
      <EditorContent editor={editor} />
    </ReadOnlyText>
  );
}

/** A read-only section's text: click a passage, or focus the text and use the arrow keys and Enter, to open it. */
function ReadOnlyText({
  editor,
  isSynced,
  title,
  onOpen,
  children,
}: {
  editor: Editor | null;
  isSynced: boolean;
  title: string;
  onOpen: Props["onActivePassage"];
  children: React.ReactNode;
}) {
  const { onKeyDown, announcement } = usePassageNavigation(editor, (passage) => onOpen(passage, { isKeyboard: true }));
  return (
    <div
      hidden={!isSynced}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(event) => editor && onOpen(passageOfElement(editor, event.target))}
      aria-label={`${title}: arrow keys move between passages, Enter opens one`}
      className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-un"
    >
      {children}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function LiveFrame({
  state,
  canEdit,
  people,
  children,
}: {
  state: SaveState;
  canEdit: boolean;
  people: Present[];
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <SaveStatus state={state} canEdit={canEdit} />
        <Presence people={people} />
      </div>
      {children}
    </div>
  );
}

/** The passage around the caret: the innermost block that is one (lib/editor/passages.ts), read as the page reads it. */
function passageAt(editor: Editor): ActivePassage | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth >= 1; depth--) {
    const passage = readPassageNode($from.node(depth), isInsideListItem($from, depth));
    if (passage) return { blockId: passage.blockId, text: passage.text };
  }
  return null;
}

function isInsideListItem($from: ResolvedPos, depth: number): boolean {
  for (let above = depth - 1; above >= 1; above--) if ($from.node(above).type.name === "listItem") return true;
  return false;
}
