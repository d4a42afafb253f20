import type { Tx } from "@/lib/db";

/**
 * Announces, on commit, that a section's threads changed: every collaboration
 * server passes it on to the section's editors, who fetch the threads again.
 */
export async function announceThreadsChanged(tx: Tx, { planId, sectionId }: { planId: string; sectionId: string }): Promise<void> {
  const notice = JSON.stringify({ type: "threads-changed", planId, sectionId });
  await tx.$executeRaw`SELECT pg_notify('gpa_collab', ${notice})`;
}
