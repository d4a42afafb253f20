"use client";

/**
 * Beside a section's text: the sources of the passage at the caret (or
 * clicked, for readers), suggestions for it, and "Cite" for those who may.
 * Escape or Close returns to the text.
 */
import type { ActivePassage } from "@/components/editor/section-editor";
import { Button } from "@/components/ui/button";
import type { PlanLink } from "@/lib/plan/get-plan";
import { shortenAtWord } from "@/lib/text/shorten";
import { PassageSuggestions } from "./passage-suggestions";
import { SourceList } from "./source-list";

type Props = {
  planId: string;
  dialogueId: string;
  section: { key: string; title: string };
  passage: ActivePassage;
  /** The passage's own links. */
  links: PlanLink[];
  numbering: ReadonlyMap<string, number>;
  canDecide: boolean;
  onCite?: (targetKey: string, label: string) => Promise<boolean>;
  onClose: () => void;
  /** How the last citation went. */
  status: string;
  /** The passage's status in the negotiation, and for facilitators the control that sets it. */
  paragraphStatus?: React.ReactNode;
  /** What the viewer may do with the whole passage (a keyboard reader opened it): the selection action bar. */
  children?: React.ReactNode;
};

/** The active passage as the panel names it: a line or two. */
const PASSAGE_EXCERPT_MAX = 140;

export function PassagePanel({
  planId,
  dialogueId,
  section,
  passage,
  links,
  numbering,
  canDecide,
  onCite,
  onClose,
  status,
  paragraphStatus,
  children,
}: Props) {
  return (
    <div
      role="region"
      aria-label={`Sources of the passage at the caret in ${section.title}`}
      data-testid="passage-panel"
      tabIndex={-1}
      onKeyDown={(event) => event.key === "Escape" && onClose()}
      className="space-y-2 rounded-lg border border-slate-300 bg-white p-3 shadow-sm xl:max-h-[80vh] xl:overflow-y-auto"
    >
      <div className="flex items-start justify-between gap-2">
        <p className="text-xs text-slate-700">
          <span className="font-semibold">Passage:</span> {shortenAtWord(passage.text, PASSAGE_EXCERPT_MAX)}
        </p>
        <Button variant="link" className="text-xs text-slate-600" onClick={onClose}>
          Close<span className="sr-only"> sources panel</span>
        </Button>
      </div>
      {paragraphStatus}
      {children}
      {links.length > 0 ? (
        <SourceList
          links={links}
          dialogueId={dialogueId}
          planId={planId}
          canDecide={canDecide}
          numbering={numbering}
          onCite={onCite}
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
        onCite={onCite}
      />
      <p role="status" aria-live="polite" className="text-xs text-slate-700">
        {status}
      </p>
    </div>
  );
}
