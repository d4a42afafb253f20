/**
 * A comment's or a rationale's words as typed, with each reference to a
 * paragraph ("paragraph 5") shown with the number that paragraph has now:
 * references follow their paragraph when it is renumbered
 * (lib/plan/paragraph-references.ts). A reference whose paragraph is gone
 * stays as written, struck through.
 */
import type { ShownReference } from "@/lib/plan/paragraph-references";

export function ReferencedText({ text, references }: { text: string; references: readonly ShownReference[] }) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const reference of [...references].sort((a, b) => a.start - b.start)) {
    if (reference.start < at) continue;
    pieces.push(text.slice(at, reference.start));
    const written = text.slice(reference.start, reference.end);
    pieces.push(
      reference.isGone ? (
        <del key={reference.start} title="That paragraph is no longer in the plan" data-testid="paragraph-reference">
          {written}
        </del>
      ) : (
        <span
          key={reference.start}
          className="underline decoration-dotted underline-offset-2"
          title={
            written === reference.text
              ? "Follows its paragraph when it is renumbered"
              : `Written as “${written}”; the paragraph has been renumbered`
          }
          data-testid="paragraph-reference"
        >
          {reference.text}
        </span>
      ),
    );
    at = reference.end;
  }
  pieces.push(text.slice(at));
  return <>{pieces}</>;
}
