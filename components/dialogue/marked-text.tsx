import type { TextRange } from "@/lib/dialogue/search-dialogue";

type Layer = { ranges: TextRange[]; as: "mark" | "strong" };

/**
 * Renders text[start, end) with search hits as <mark> and key phrases as
 * <strong>, where the two may overlap.
 */
export function MarkedText({
  text,
  start = 0,
  end = text.length,
  layers,
}: {
  text: string;
  start?: number;
  end?: number;
  layers: Layer[];
}) {
  const cuts = new Set([start, end]);
  for (const layer of layers) {
    for (const r of layer.ranges) {
      if (r.start > start && r.start < end) cuts.add(r.start);
      if (r.end > start && r.end < end) cuts.add(r.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  return (
    <>
      {points.slice(0, -1).map((from, i) => {
        const to = points[i + 1];
        const inside = (layer: Layer) => layer.ranges.some((r) => r.start <= from && r.end >= to);
        let node: React.ReactNode = text.slice(from, to);
        for (const layer of layers) {
          if (!inside(layer)) continue;
          node = layer.as === "mark" ? <mark>{node}</mark> : <strong>{node}</strong>;
        }
        return <span key={from}>{node}</span>;
      })}
    </>
  );
}

/** Where each phrase first occurs in the text, searching forwards. */
export function findPhraseRanges(text: string, phrases: string[]): TextRange[] {
  const ranges: TextRange[] = [];
  let from = 0;
  for (const phrase of phrases) {
    let at = text.indexOf(phrase, from);
    if (at < 0) at = text.indexOf(phrase);
    if (at < 0) continue;
    ranges.push({ start: at, end: at + phrase.length });
    from = at + phrase.length;
  }
  return ranges;
}
