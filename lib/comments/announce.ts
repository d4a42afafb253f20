import type { Tx } from "@/lib/db";
import { sendCollabNotice } from "@/lib/collab/notices";

/**
 * Announces, on commit, that a section's threads changed: every collaboration
 * server passes it on to the section's editors, who fetch the threads again.
 */
export async function announceThreadsChanged(tx: Tx, { planId, sectionId }: { planId: string; sectionId: string }): Promise<void> {
  await sendCollabNotice(tx, { type: "threads-changed", planId, sectionId });
}
