/** The roster members of a plan's dialogue, the annex's first and in its order: what a bracket can be tagged with. */
import { getPrisma } from "@/lib/db";
import type { TDelegationTag } from "@/lib/editor/brackets";
import { ROSTER_MEMBER } from "@/lib/dialogue/roster-scope";

export async function listPlanDelegations({ dialogueId }: { dialogueId: string }): Promise<TDelegationTag[]> {
  return getPrisma().delegation.findMany({
    where: { dialogueId, ...ROSTER_MEMBER },
    orderBy: [{ inAnnex: "desc" }, { position: "asc" }],
    select: { id: true, name: true },
  });
}
