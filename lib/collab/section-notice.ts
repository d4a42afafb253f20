/**
 * What the collaboration server tells a section's open pages, as stateless
 * messages: its comment threads changed (with the list, as that viewer may
 * see it, unless too big to push), or its amendments did.
 *
 * Only the server sends these: the socket gate drops every stateless frame a
 * client sends (socket-gate.ts). They are still tagged with their source, and
 * every page checks each one against this schema and ignores one that does
 * not parse, so a malformed notice can never take a page down.
 */
import { z } from "@/lib/validation/zod";
import { ZThreadView } from "@/lib/comments/thread-view";

const SOURCE = "gpa-collab";

export const ZSectionNotice = z.discriminatedUnion("type", [
  z.object({ source: z.literal(SOURCE), type: z.literal("threads-changed"), threads: z.array(ZThreadView).nullable() }),
  z.object({ source: z.literal(SOURCE), type: z.literal("amendments-changed") }),
]);

export type TSectionNotice = z.infer<typeof ZSectionNotice>;

/** The message for a notice. `threads` are the rows as listThreads gives them (dates become strings in JSON). */
export function writeSectionNotice(
  notice: { type: "threads-changed"; threads: readonly object[] | null } | { type: "amendments-changed" },
): string {
  return JSON.stringify({ source: SOURCE, ...notice });
}

/** The notice in a stateless message, or null when it is not one of ours. */
export function readSectionNotice(payload: string): TSectionNotice | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const result = ZSectionNotice.safeParse(parsed);
  return result.success ? result.data : null;
}
