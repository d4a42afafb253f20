import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { ROSTER_MEMBER } from "@/lib/dialogue/roster-scope";

export type PlanSponsor = { id: string; name: string };

/** The delegations sponsoring a plan, in the order facilitators listed them. */
export async function listPlanSponsors({
  planId,
  db = getPrisma(),
}: {
  planId: string;
  db?: Tx;
}): Promise<PlanSponsor[]> {
  const rows = await db.planSponsor.findMany({
    where: { planId },
    orderBy: { position: "asc" },
    select: { delegation: { select: { id: true, name: true } } },
  });
  return rows.map((row) => row.delegation);
}

/** Every delegation of the plan's dialogue that can sponsor (the whole roster, no legacy "other"), by kind and name. */
export async function listSponsorChoices({ dialogueId }: { dialogueId: string }) {
  return getPrisma().delegation.findMany({
    where: { dialogueId, ...ROSTER_MEMBER },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, rosterKey: true },
  });
}
