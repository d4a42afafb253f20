"use client";

/**
 * A section's live text with, beside it, the sources of the passage at the
 * caret (or clicked, for readers) and the comment threads, and below it the
 * amendments.
 */
import type { Editor } from "@tiptap/core";
import { useCallback, useMemo, useRef, useState } from "react";
import { AmendmentsPanel } from "@/components/amendments/amendments-panel";
import { readSelectedQuote } from "@/components/comments/selection-quote";
import { focusThreadOfMark, showThreadText } from "@/components/comments/thread-marks";
import { ThreadsPanel } from "@/components/comments/threads-panel";
import type { Viewer } from "@/components/comments/threads-panel";
import type { ThreadView } from "@/components/comments/use-threads";
import { CitationLinksContext } from "@/components/editor/citation-view";
import type { PrivateAnchor } from "@/components/editor/private-comment-marks";
import { SectionEditor } from "@/components/editor/section-editor";
import type { PlanLink } from "@/lib/plan/get-plan";
import { PassagePanel } from "./passage-panel";
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
  children,
}: Props) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [privateAnchors, setPrivateAnchors] = useState<readonly PrivateAnchor[]>([]);
  const onThreads = useCallback((threads: ThreadView[]) => setPrivateAnchors(privateAnchorsOf(threads)), []);
  const { threadsVersion, pushedThreads, amendmentsVersion, onSectionNotice } = useSectionNotices();
  const textRef = useRef<HTMLDivElement>(null);
  const { passage, close, activate, selection, setSelection } = useActivePassage(section.key, textRef);
  const { status, cite } = useCitePassage({ planId, sectionKey: section.key, passage, editor });
  const numbers = useMemo(() => new Map(numbering), [numbering]);
  // Built here from the links, not sent beside them: the page would carry every quote twice.
  const citationLinks = useMemo(
    () => new Map(describeCitations(links, dialogueId, planId).map((c) => [c.id, c])),
    [links, dialogueId, planId],
  );

  function captureSelection() {
    const selected = textRef.current ? readSelectedQuote(textRef.current) : null;
    if (selected) setSelection(selected);
  }

  const canCite = canEdit && canDecide && editor !== null;
  return (
    <CitationLinksContext.Provider value={citationLinks}>
      {/* Wide screens: the text, and beside it a margin with the passage's sources and the comments level with their text. */}
      <div className="space-y-3 xl:grid xl:grid-cols-[minmax(0,1fr)_22rem] xl:items-start xl:gap-4 xl:space-y-0">
        <div ref={textRef} onMouseUp={captureSelection} onKeyUp={captureSelection} onClick={focusThreadOfMark}>
          <SectionEditor
            planId={planId}
            sectionId={section.id}
            title={section.title}
            canEdit={canEdit}
            links={links}
            privateAnchors={privateAnchors}
            fallback={children}
            onActivePassage={activate}
            onEditor={setEditor}
            onSectionNotice={onSectionNotice}
          />
        </div>
        <div className="space-y-3">
          {passage && (
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
            />
          )}
          <ThreadsPanel
            planId={planId}
            sectionKey={section.key}
            title={section.title}
            viewer={viewer}
            version={threadsVersion}
            pushed={pushedThreads}
            selection={selection}
            onFocusThread={(threadId) => showThreadText(textRef.current, threadId)}
            textRef={textRef}
            onThreads={onThreads}
          />
        </div>
      </div>
      <AmendmentsPanel
        planId={planId}
        sectionKey={section.key}
        title={section.title}
        viewer={viewer}
        version={amendmentsVersion}
        selection={selection}
      />
    </CitationLinksContext.Provider>
  );
}

/** The anchors of the facilitators-only threads among these (only their viewers ever get any); the same list again when nothing changed. */
function privateAnchorsOf(threads: ThreadView[]): readonly PrivateAnchor[] {
  return threads.flatMap((thread) => (thread.range ? [{ threadId: thread.id, range: thread.range }] : []));
}
