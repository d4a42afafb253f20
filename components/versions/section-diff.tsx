import { WordDiffView } from "@/components/diff/word-diff-view";
import type { DiffSegment } from "@/lib/diff/word-diff";

/**
 * One section's change, inline (struck and inserted words in one text) or
 * side by side (the text before with its deletions, the text after with its
 * insertions). Line breaks between passages are kept.
 */
export function SectionDiff({
  segments,
  mode,
  fromLabel,
  toLabel,
}: {
  segments: DiffSegment[];
  mode: "inline" | "side";
  fromLabel: string;
  toLabel: string;
}) {
  if (mode === "inline")
    return (
      <div className="whitespace-pre-wrap">
        <WordDiffView segments={segments} />
      </div>
    );
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{fromLabel}</h4>
        <div className="whitespace-pre-wrap">
          <WordDiffView segments={segments.filter((s) => s.type !== "insert")} />
        </div>
      </div>
      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{toLabel}</h4>
        <div className="whitespace-pre-wrap">
          <WordDiffView segments={segments.filter((s) => s.type !== "delete")} />
        </div>
      </div>
    </div>
  );
}
