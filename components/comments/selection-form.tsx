"use client";

/**
 * The frame of a form about the text the viewer selected (a new comment, a
 * proposed amendment): the words it is about, the fields, then the action
 * and Cancel, and how the sending went. Escape cancels. One frame, so the
 * forms the selection bar opens look and behave alike.
 */
import { Button } from "@/components/ui/button";
import { shortenAtWord } from "@/lib/text/shorten";
import type { SelectedQuote } from "./selection-quote";

/** The selected words a form repeats: enough to say which. */
const QUOTE_MAX = 120;

const TONE = { comment: "border-amber-300", amendment: "border-sky-300" } as const;

type Props = {
  /** The form's accessible name. */
  label: string;
  /** What the quote is introduced by: "On", "Amend". */
  quoteLead: string;
  selection: SelectedQuote;
  tone: keyof typeof TONE;
  submitLabel: string;
  status: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
};

export function SelectionForm({
  label,
  quoteLead,
  selection,
  tone,
  submitLabel,
  status,
  onSubmit,
  onCancel,
  children,
}: Props) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      className={`space-y-1 rounded border ${TONE[tone]} bg-white p-2`}
      aria-label={label}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
    >
      <p className="text-xs">
        {quoteLead}: <q className="font-serif">{shortenAtWord(selection.exact, QUOTE_MAX)}</q>
      </p>
      {children}
      <div className="flex gap-2">
        <Button variant="primary-compact" size="sm" type="submit">
          {submitLabel}
        </Button>
        <Button variant="link" type="button" onClick={onCancel} className="text-xs">
          Cancel
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
    </form>
  );
}
