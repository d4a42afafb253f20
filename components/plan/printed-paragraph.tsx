/**
 * A numbered paragraph of the server-rendered text, drawn as the live editor
 * draws it (components/editor/paragraph-numbers.ts) from the same description
 * (lib/editor/paragraph-print.ts): the marker as a data attribute CSS puts
 * before it, the opening phrase in italics, stray closing punctuation struck
 * through and the printed ending after the words.
 */
import type { JSONContent } from "@tiptap/core";
import { describeEnding } from "@/components/editor/paragraph-numbers";
import { describeParagraphPrint, PRINT_CLASSES } from "@/lib/editor/paragraph-print";
import type { ParagraphPrint, TextSpan } from "@/lib/editor/paragraph-print";
import type { ParagraphNumber, Passage } from "@/lib/editor/passages";

/** The attributes of a paragraph's own element, as the editor's paragraph node and decorations render them. */
export function paragraphAttributes(passage: Passage | undefined, number: ParagraphNumber | undefined) {
  return {
    "data-kind": passage?.kind && passage.kind !== "plain" ? passage.kind : undefined,
    "data-level": passage?.kind === "subparagraph" ? passage.level : undefined,
    "data-marker": number?.marker ?? undefined,
  };
}

/**
 * The paragraph's inline content with its print drawn in: each text node is
 * cut where the opening phrase and the stray punctuation begin and end.
 */
export function renderPrintedInlines(
  content: readonly JSONContent[],
  { passage, number }: { passage: Passage; number: ParagraphNumber },
  renderInline: (node: JSONContent, key: string) => React.ReactNode,
): React.ReactNode[] {
  const print = describeParagraphPrint(passage.text, number);
  const out: React.ReactNode[] = [];
  let chars = 0;
  content.forEach((node, i) => {
    if (node.type !== "text" || !node.text) return void out.push(renderInline(node, `i${i}`));
    for (const piece of cutText(node.text, chars, print)) {
      const rendered = renderInline({ ...node, text: piece.text }, `i${i}-${piece.from}`);
      out.push(
        piece.className ? (
          <span key={`i${i}-${piece.from}`} className={piece.className}>
            {rendered}
          </span>
        ) : (
          rendered
        ),
      );
    }
    chars += node.text.length;
  });
  if (print.ending) out.push(<Ending key="ending" ending={print.ending} />);
  return out;
}

function Ending({ ending }: { ending: string }) {
  const { text, title } = describeEnding(ending);
  return (
    <span className={PRINT_CLASSES.ending} title={title}>
      {text}
    </span>
  );
}

type Piece = { text: string; from: number; className?: string };

/** A text node starting at `start` in the paragraph's text, cut at the print's span edges. */
function cutText(text: string, start: number, print: ParagraphPrint): Piece[] {
  const spans: [TextSpan | null, string][] = [
    [print.opening, PRINT_CLASSES.opening],
    [print.stray, PRINT_CLASSES.stray],
  ];
  const edges = new Set([0, text.length]);
  for (const [span] of spans)
    for (const edge of span ? [span.from - start, span.to - start] : [])
      if (edge > 0 && edge < text.length) edges.add(edge);
  const cuts = [...edges].sort((a, b) => a - b);
  return cuts.slice(0, -1).map((from, i) => {
    const at = start + from;
    const within = spans.find(([span]) => span && span.from <= at && at < span.to);
    return { text: text.slice(from, cuts[i + 1]), from, className: within?.[1] };
  });
}
