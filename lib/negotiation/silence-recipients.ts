/**
 * Who hears about a silence procedure: those who may break it (every delegation, through its delegates) or those who
 * may start one (the facilitators, and admins). Read through the policy, so the rule of who chairs and who objects
 * lives in lib/auth/policies.ts alone.
 */
import { can } from "@/lib/auth/policies";
import type { Action } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";

export async function usersWhoMay(tx: Tx, actions: Action[]): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { disabledAt: null },
    select: { id: true, role: true, delegationId: true, disabledAt: true },
  });
  return users.filter((user) => actions.some((action) => can(user, action))).map((user) => user.id);
}
