/**
 * The anchor of a facilitators-only thread: where its quote lies in the
 * section's text, as two Yjs relative positions. They follow the text through
 * every edit, like a mark would, but live on the thread row instead of in the
 * shared document, which delegates and observers receive too. Used by the
 * collaboration server (to anchor), the thread list (anchored or detached)
 * and facilitators' editors (to draw it).
 */
import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { z } from "@/lib/validation/zod";

export const ZAnchorRange = z.object({ start: z.string().min(1), end: z.string().min(1) });
export type TAnchorRange = z.infer<typeof ZAnchorRange>;

/** The range from `at` to `end` in `text`: the start sticks to the quote's first character, the end to its last. */
export function anchorRangeIn(text: Y.XmlText, { at, end }: { at: number; end: number }): TAnchorRange {
  return {
    start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, 0))),
    end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, end, -1))),
  };
}

/** A stored range as relative positions, or null when it does not parse. */
export function decodeAnchorRange(value: unknown): { start: Y.RelativePosition; end: Y.RelativePosition } | null {
  const parsed = ZAnchorRange.safeParse(value);
  if (!parsed.success) return null;
  try {
    return {
      start: Y.decodeRelativePosition(fromBase64(parsed.data.start)),
      end: Y.decodeRelativePosition(fromBase64(parsed.data.end)),
    };
  } catch {
    return null;
  }
}

/** Whether the range still holds text in `doc`: false once its words were deleted (the thread is then detached). */
export function isAnchorRangeLive(doc: Y.Doc, value: unknown): boolean {
  const range = decodeAnchorRange(value);
  if (!range) return false;
  const start = Y.createAbsolutePositionFromRelativePosition(range.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(range.end, doc);
  return Boolean(start && end && start.type === end.type && start.index < end.index);
}
