/** The delegations of a plan's dialogue, in the annex's order: what a bracket can be tagged with. */
import { getPrisma } from "@/lib/db";
import type { TDelegationTag } from "@/lib/editor/brackets";

export async function listPlanDelegations({ dialogueId }: { dialogueId: string }): Promise<TDelegationTag[]> {
  return getPrisma().delegation.findMany({
    where: { dialogueId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
}
