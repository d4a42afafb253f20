/** Every paragraph status of a plan other than pending (which has no row), by section and then by blockId. */
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { fromStoredStatus } from "./paragraph-statuses";
import type { TParagraphStatus } from "./paragraph-statuses";

export type TSectionStatuses = ReadonlyMap<string, TParagraphStatus>;

export async function listParagraphStatuses({
  planId,
  tx = getPrisma(),
}: {
  planId: string;
  tx?: Tx | ReturnType<typeof getPrisma>;
}): Promise<Map<string, Map<string, TParagraphStatus>>> {
  const rows = await tx.paragraphStatus.findMany({
    where: { planId },
    select: { sectionId: true, blockId: true, status: true },
  });
  const bySection = new Map<string, Map<string, TParagraphStatus>>();
  for (const row of rows) {
    const section = bySection.get(row.sectionId) ?? new Map<string, TParagraphStatus>();
    section.set(row.blockId, fromStoredStatus(row.status));
    bySection.set(row.sectionId, section);
  }
  return bySection;
}
