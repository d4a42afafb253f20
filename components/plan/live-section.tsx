"use client";

/**
 * A section's live text with, beside it, the sources of the passage at the
 * caret (or clicked, for readers): who said it, suggestions, and — for
 * facilitators — "Cite", which puts a citation at the caret.
 */
import type { Editor } from "@tiptap/core";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { CitationLinksContext } from "@/components/editor/citation-view";
import type { PrivateAnchor } from "@/components/editor/private-comment-marks";
import type { ActivePassage } from "@/components/editor/section-editor";
import { AmendmentsPanel } from "@/components/amendments/amendments-panel";
import { SectionEditor } from "@/components/editor/section-editor";
import { readSelectedQuote } from "@/components/comments/selection-quote";
import { ThreadsPanel } from "@/components/comments/threads-panel";
import type { ThreadView } from "@/components/comments/use-threads";
import type { Viewer } from "@/components/comments/threads-panel";
import type { PlanLink } from "@/lib/plan/get-plan";
import { apiFetch } from "@/lib/http/api-fetch";
import { PassageSuggestions } from "./passage-suggestions";
import { useActivePassage } from "./use-active-passage";
import { useSectionNotices } from "./use-section-notices";
import { describeCitations, SourceList } from "./source-list";
import { Button } from "@/components/ui/button";

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
  const router = useRouter();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [status, setStatus] = useState("");
  const [privateAnchors, setPrivateAnchors] = useState<readonly PrivateAnchor[]>([]);
  const onThreads = useCallback((threads: ThreadView[]) => setPrivateAnchors(privateAnchorsOf(threads)), []);
  const { threadsVersion, pushedThreads, amendmentsVersion, onSectionNotice } = useSectionNotices();
  const textRef = useRef<HTMLDivElement>(null);
  const { passage, close, activate, selection, setSelection } = useActivePassage(section.key, textRef);
  const numbers = useMemo(() => new Map(numbering), [numbering]);
  // Built here from the links, not sent beside them: the page would carry every quote twice.
  const citationLinks = useMemo(
    () => new Map(describeCitations(links, dialogueId, planId).map((c) => [c.id, c])),
    [links, dialogueId, planId],
  );

  /** Puts a citation of the source at the caret; true once it is there. */
  async function cite(targetKey: string, label: string): Promise<boolean> {
    if (!editor || !passage) return false;
    setStatus(`Citing ${label}…`);
    const { data, error } = await apiFetch<{ linkId: string }>(`/api/plans/${planId}/citations`, {
      method: "POST",
      body: { sectionKey: section.key, blockId: passage.blockId, targetKey, quote: { exact: passage.text } },
    });
    if (error || !data) {
      setStatus(error ?? "Could not cite. Try again.");
      return false;
    }
    editor
      .chain()
      .focus()
      .insertContent({ type: "citation", attrs: { linkId: data.linkId } })
      .run();
    setStatus(`Cited ${label}`);
    router.refresh();
    return true;
  }

  function captureSelection() {
    const selected = textRef.current ? readSelectedQuote(textRef.current) : null;
    if (selected) setSelection(selected);
  }

  /** Clicking commented text opens its thread. */
  function focusThreadOfMark(event: React.MouseEvent) {
    const mark = (event.target as HTMLElement).closest?.(".comment-mark");
    const threadId = mark?.getAttribute("data-thread-ids")?.split(" ")[0];
    const thread = threadId ? document.getElementById(`thread-${threadId}`) : null;
    if (!thread) return;
    thread.scrollIntoView({ block: "nearest" });
    thread.focus({ preventScroll: true });
  }

  /** Clicking a thread shows its text. */
  function showThreadText(threadId: string) {
    const mark = textRef.current?.querySelector<HTMLElement>(
      `.comment-mark[data-thread-ids~="${CSS.escape(threadId)}"]`,
    );
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.classList.add("comment-mark-focused");
    setTimeout(() => mark.classList.remove("comment-mark-focused"), 1500);
  }

  const passageLinks = passage ? links.filter((l) => l.blockId === passage.blockId) : [];
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
            <PassagePanel passage={passage} sectionTitle={section.title} onClose={close} status={status}>
              {passageLinks.length > 0 ? (
                <SourceList
                  links={passageLinks}
                  dialogueId={dialogueId}
                  planId={planId}
                  canDecide={canDecide}
                  numbering={numbers}
                  onCite={canCite ? cite : undefined}
                />
              ) : (
                <p className="text-xs text-slate-600">No source linked to this passage yet.</p>
              )}
              <PassageSuggestions
                key={passage.blockId}
                planId={planId}
                sectionKey={section.key}
                blockId={passage.blockId}
                passageText={passage.text}
                dialogueId={dialogueId}
                canDecide={canDecide}
                onCite={canCite ? cite : undefined}
              />
            </PassagePanel>
          )}
          <ThreadsPanel
            planId={planId}
            sectionKey={section.key}
            title={section.title}
            viewer={viewer}
            version={threadsVersion}
            pushed={pushedThreads}
            selection={selection}
            onFocusThread={showThreadText}
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

/** The sources of the passage at the caret (or clicked): Escape or Close returns to the text. */
function PassagePanel({
  passage,
  sectionTitle,
  onClose,
  status,
  children,
}: {
  passage: ActivePassage;
  sectionTitle: string;
  onClose: () => void;
  status: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={`Sources of the passage at the caret in ${sectionTitle}`}
      data-testid="passage-panel"
      tabIndex={-1}
      onKeyDown={(event) => event.key === "Escape" && onClose()}
      className="space-y-2 rounded-lg border border-slate-300 bg-white p-3 shadow-sm xl:max-h-[80vh] xl:overflow-y-auto"
    >
      <div className="flex items-start justify-between gap-2">
        <p className="text-xs text-slate-700">
          <span className="font-semibold">Passage:</span> {excerpt(passage.text)}
        </p>
        <Button variant="link" className="text-xs text-slate-600" onClick={onClose}>
          Close<span className="sr-only"> sources panel</span>
        </Button>
      </div>
      {children}
      <p role="status" aria-live="polite" className="text-xs text-slate-700">
        {status}
      </p>
    </div>
  );
}

/** The anchors of the facilitators-only threads among these (only their viewers ever get any); the same list again when nothing changed. */
function privateAnchorsOf(threads: ThreadView[]): readonly PrivateAnchor[] {
  return threads.flatMap((thread) => (thread.range ? [{ threadId: thread.id, range: thread.range }] : []));
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}
