import type { Tx } from "@/lib/db";
import { sendCollabNotice } from "@/lib/live/channels";
import type { ThreadVisibility } from "@/lib/live/channels";

/**
 * Announces, on commit, that a section's threads changed: every collaboration
 * server sends the section's editors its threads, as each may see them.
 */
export async function announceThreadsChanged(
  tx: Tx,
  { planId, sectionId, visibility }: { planId: string; sectionId: string; visibility: ThreadVisibility },
): Promise<void> {
  await sendCollabNotice(tx, { type: "threads-changed", planId, sectionId, visibility });
}
