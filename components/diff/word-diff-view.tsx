import type { DiffSegment } from "@/lib/diff/word-diff";

/**
 * A word diff inline, the way delegations read a marked-up text: deleted
 * words struck through in red, inserted words underlined in green. The
 * words "deleted" and "inserted" are spoken to screen readers, since colour
 * and strike-through are not.
 */
export function WordDiffView({ segments, className = "" }: { segments: DiffSegment[]; className?: string }) {
  return (
    <span className={`font-serif leading-relaxed ${className}`} data-testid="word-diff">
      {segments.map((segment, i) =>
        segment.type === "equal" ? (
          <span key={i}>{segment.text}</span>
        ) : segment.type === "delete" ? (
          <del key={i} className="bg-red-100 text-red-900 decoration-red-700">
            <span className="sr-only">[deleted: </span>
            {segment.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          // Right after struck words, a gap: "Improve" struck then "Strengthen" must not read as one word.
          <ins
            key={i}
            className={`bg-emerald-100 text-emerald-950 decoration-emerald-700 ${segments[i - 1]?.type === "delete" ? "ml-1" : ""}`}
          >
            <span className="sr-only">[inserted: </span>
            {segment.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </span>
  );
}
