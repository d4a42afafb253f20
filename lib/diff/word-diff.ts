/**
 * Word-level diff (Myers' O(ND) algorithm over word, space and punctuation
 * tokens): what an amendment or a new version changes, shown inline the way
 * a delegation reads a marked-up text — struck words and inserted words.
 */

export type DiffSegment = { type: "equal" | "insert" | "delete"; text: string };

const TOKEN = /\s+|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The segments that turn `before` into `after`; joining the equal and deleted ones gives `before`, the equal and inserted ones `after`. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokenizeWords(before);
  const b = tokenizeWords(after);
  // Shared ends are common (an amendment changes a phrase in a sentence) and cost Myers nothing to skip.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const segments: DiffSegment[] = [
    ...a.slice(0, head).map((text) => ({ type: "equal" as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ type: "equal" as const, text })),
  ];
  return mergeSegments(foldLoneSpaces(segments));
}

/** The shortest edit script as token segments (equal, delete, insert), in order. */
function myers(a: string[], b: string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const isDown = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let x = isDown ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return [];
}

function backtrack(a: string[], b: string[], trace: Int32Array[]): DiffSegment[] {
  const reversed: DiffSegment[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    // trace[d] holds v[-d-1 .. d+1] as it was before step d.
    const at = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const isDown = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = isDown ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) reversed.push({ type: "equal", text: a[((x -= 1), (y -= 1), x)] });
    if (d === 0) break;
    if (isDown) reversed.push({ type: "insert", text: b[((y -= 1), y)] });
    else reversed.push({ type: "delete", text: a[((x -= 1), x)] });
  }
  return reversed.reverse();
}

/** A single space kept between two changes reads as noise ("~~a~~ ++b++ ~~c~~"); it joins the change instead. */
function foldLoneSpaces(segments: DiffSegment[]): DiffSegment[] {
  const result: DiffSegment[] = [];
  segments.forEach((segment, i) => {
    const [previous, next] = [segments[i - 1], segments[i + 1]];
    const isLoneSpace =
      segment.type === "equal" &&
      /^\s+$/.test(segment.text) &&
      previous &&
      next &&
      previous.type !== "equal" &&
      next.type !== "equal";
    if (isLoneSpace) result.push({ type: "delete", text: segment.text }, { type: "insert", text: segment.text });
    else result.push(segment);
  });
  return result;
}

/** Adjacent segments of one type joined; within a change, deletions come before insertions. */
function mergeSegments(segments: DiffSegment[]): DiffSegment[] {
  const merged: DiffSegment[] = [];
  let pending: { delete: string; insert: string } = { delete: "", insert: "" };
  const flush = () => {
    if (pending.delete) merged.push({ type: "delete", text: pending.delete });
    if (pending.insert) merged.push({ type: "insert", text: pending.insert });
    pending = { delete: "", insert: "" };
  };
  for (const segment of segments) {
    if (segment.type === "equal") {
      flush();
      const last = merged[merged.length - 1];
      if (last?.type === "equal") last.text += segment.text;
      else merged.push({ ...segment });
    } else pending[segment.type] += segment.text;
  }
  flush();
  return merged;
}
