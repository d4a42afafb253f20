/** How many entries of a register have each status, for the summary bars. */
import type { ConcernStatus } from "@/lib/generated/prisma/enums";

export type ConcernCounts = Record<ConcernStatus, number>;

export function countConcerns(entries: { status: ConcernStatus }[]): ConcernCounts {
  const counts: ConcernCounts = { raised: 0, addressed: 0, noted: 0 };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}
