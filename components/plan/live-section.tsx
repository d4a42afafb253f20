"use client";

/**
 * A section's live text with, beside it, the sources of the passage at the
 * caret (or clicked, for readers) and the comment threads, and below it the
 * amendments.
 */
import type { Editor } from "@tiptap/core";
import { useCallback, useMemo, useRef, useState } from "react";
import { AmendmentsPanel } from "@/components/amendments/amendments-panel";
import { showThreadText, threadOfMark } from "@/components/comments/thread-marks";
import { ThreadsPanel } from "@/components/comments/threads-panel";
import type { Viewer } from "@/components/comments/threads-panel";
import type { ThreadView } from "@/components/comments/use-threads";
import { CitationLinksContext } from "@/components/editor/citation-view";
import type { PrivateAnchor } from "@/components/editor/private-comment-marks";
import { SectionEditor } from "@/components/editor/section-editor";
import { readSourceNumbers } from "@/components/editor/source-numbers";
import type { PlanLink } from "@/lib/plan/get-plan";
import { findPassage } from "@/lib/editor/passages";
import { readStatusText } from "@/lib/plan/paragraph-status-text";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";
import { ParagraphStatusControl } from "./paragraph-status-control";
import { PassagePanel } from "./passage-panel";
import { SelectionActionBar } from "./selection-action-bar";
import type { SelectionAction } from "./selection-action-bar";
import { describeCitations } from "./source-list";
import { useActivePassage } from "./use-active-passage";
import { useCitePassage } from "./use-cite-passage";
import { useSectionNotices } from "./use-section-notices";

type Props = {
  planId: string;
  dialogueId: string;
  section: { id: string; key: string; title: string };
  links: PlanLink[];
  numbering: [string, number][];
  canEdit: boolean;
  canDecide: boolean;
  viewer: Viewer;
  /** Its paragraphs' statuses other than pending, as [blockId, status] (serializable from the server page). */
  statuses: [string, TParagraphStatus][];
  /** Whether the viewer may set a paragraph's status (facilitators and admins). */
  canSetStatus: boolean;
  children: React.ReactNode;
};

export function LiveSection({
  planId,
  dialogueId,
  section,
  links,
  numbering,
  canEdit,
  canDecide,
  viewer,
  statuses,
  canSetStatus,
  children,
}: Props) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [threadMarks, setThreadMarks] = useState(() => threadMarksOf([]));
  const onThreads = useCallback((threads: ThreadView[]) => setThreadMarks(threadMarksOf(threads)), []);
  // A new object each click: clicking the same highlight twice shows its thread twice.
  const [threadToShow, setThreadToShow] = useState<{ id: string } | null>(null);
  const { threadsVersion, pushedThreads, amendmentsVersion, onSectionNotice } = useSectionNotices();
  const textRef = useRef<HTMLDivElement>(null);
  const { passage, close, activate, selection, barAt, intent, captureSelection, choose, finish } = useActivePassage(
    section.key,
    textRef,
  );
  const { status, cite } = useCitePassage({ planId, sectionKey: section.key, passage, editor });
  const statusOf = useMemo(() => new Map(statuses), [statuses]);
  const storedNumbers = useMemo(() => new Map(numbering), [numbering]);
  // The live text's numbers once it is there: the stored text the page was built from may lag behind an edit.
  const numbers = (editor && !editor.isDestroyed && readSourceNumbers(editor.state)) || storedNumbers;
  // Built here from the links, not sent beside them: the page would carry every quote twice.
  const citationLinks = useMemo(
    () => new Map(describeCitations(links, dialogueId, planId).map((c) => [c.id, c])),
    [links, dialogueId, planId],
  );

  /** Clicking commented text opens its thread in the panel, whatever the panel's filters hide. */
  function showThreadOfMark(event: React.MouseEvent) {
    const threadId = threadOfMark(event);
    if (threadId) setThreadToShow({ id: threadId });
  }

  const canCite = canEdit && canDecide && editor !== null;
  const actions = selectionActions(viewer, canCite);
  const isBarShown = barAt !== null && selection !== null && actions.length > 0;
  // One thing at a time: while the bar waits for a choice, or a form is open, the sources panel stays shut.
  const isPassageShown = !isBarShown && (intent === null || intent === "cite");
  return (
    <CitationLinksContext.Provider value={citationLinks}>
      {/* Wide screens: the text, and beside it a margin with the passage's sources and the comments level with their text. */}
      <div className="space-y-3 xl:grid xl:grid-cols-[minmax(0,1fr)_22rem] xl:items-start xl:gap-4 xl:space-y-0">
        <div
          ref={textRef}
          className="relative"
          onMouseUp={captureSelection}
          onKeyUp={captureSelection}
          onClick={showThreadOfMark}
        >
          <SectionEditor
            planId={planId}
            sectionId={section.id}
            title={section.title}
            canEdit={canEdit}
            links={links}
            privateAnchors={threadMarks.privateAnchors}
            resolvedThreadIds={threadMarks.resolvedIds}
            statuses={statusOf}
            fallback={children}
            onActivePassage={activate}
            onEditor={setEditor}
            onSectionNotice={onSectionNotice}
          />
          {isBarShown && <SelectionActionBar actions={actions} position={barAt} onChoose={choose} onDismiss={finish} />}
        </div>
        <div className="space-y-3">
          {passage && isPassageShown && (
            <PassagePanel
              planId={planId}
              dialogueId={dialogueId}
              section={section}
              passage={passage}
              links={links.filter((l) => l.blockId === passage.blockId)}
              numbering={numbers}
              canDecide={canDecide}
              onCite={canCite ? cite : undefined}
              onClose={close}
              status={status}
              paragraphStatus={
                <ParagraphStatusControl
                  key={passage.blockId}
                  planId={planId}
                  sectionId={section.id}
                  blockId={passage.blockId}
                  status={statusOf.get(passage.blockId) ?? "pending"}
                  canSet={canSetStatus}
                  readText={() => readLiveStatusText(editor, passage.blockId)}
                />
              }
            >
              {selection && intent === null && (
                <SelectionActionBar
                  actions={actions.filter((action) => action !== "cite")}
                  onChoose={choose}
                  onDismiss={finish}
                />
              )}
            </PassagePanel>
          )}
          <ThreadsPanel
            planId={planId}
            sectionKey={section.key}
            title={section.title}
            viewer={viewer}
            version={threadsVersion}
            pushed={pushedThreads}
            selection={intent === "comment" ? selection : null}
            onSelectionDone={finish}
            onFocusThread={(threadId) => showThreadText(textRef.current, threadId)}
            threadToShow={threadToShow}
            textRef={textRef}
            onThreads={onThreads}
          />
        </div>
      </div>
      <AmendmentsPanel
        planId={planId}
        sectionId={section.id}
        sectionKey={section.key}
        title={section.title}
        viewer={viewer}
        version={amendmentsVersion}
        selection={intent === "amend" ? selection : null}
        editor={editor}
        onSelectionDone={finish}
      />
    </CitationLinksContext.Provider>
  );
}

/** The paragraph's words and brackets in the live text, as a status is set on them; undefined before the editor is built. */
function readLiveStatusText(editor: Editor | null, blockId: string): string | undefined {
  if (!editor || editor.isDestroyed) return undefined;
  const passage = findPassage(editor.state.doc, blockId);
  return passage && readStatusText(passage);
}

/** What the viewer may do with selected text, as the server's abilities say; Cite where they may cite. */
function selectionActions(viewer: Viewer, canCite: boolean): SelectionAction[] {
  return [
    ...(viewer.abilities.comment ? (["comment"] as const) : []),
    ...(viewer.abilities.propose ? (["amend"] as const) : []),
    ...(canCite ? (["cite"] as const) : []),
  ];
}

/**
 * What the editor draws from the threads: the facilitators-only threads'
 * anchors (only their viewers ever get any) and which threads are resolved.
 */
function threadMarksOf(threads: ThreadView[]) {
  return {
    privateAnchors: threads.flatMap((thread): PrivateAnchor[] =>
      thread.range ? [{ threadId: thread.id, range: thread.range, isResolved: thread.status === "resolved" }] : [],
    ),
    resolvedIds: new Set(threads.filter((thread) => thread.status === "resolved").map((thread) => thread.id)),
  };
}
