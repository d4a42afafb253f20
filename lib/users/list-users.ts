import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { NO_PASSWORD_HASH } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { ROSTER_MEMBER } from "@/lib/dialogue/roster-scope";

/** Every user, with whether they have a password (an account restored from a backup has none until a reset). */
export async function listUsers({ actor }: { actor: CurrentUser }) {
  authorize(actor, "user.manage");
  const users = await getPrisma().user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      passwordHash: true,
      delegation: { select: { id: true, name: true } },
    },
  });
  // The hash itself never leaves this function.
  return users.map(({ passwordHash, ...user }) => ({ ...user, hasPassword: passwordHash !== NO_PASSWORD_HASH }));
}

/** Open and past invites, newest first. */
export async function listInvites({ actor }: { actor: CurrentUser }) {
  authorize(actor, "user.manage");
  return getPrisma().invite.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      usedAt: true,
      createdAt: true,
      delegation: { select: { name: true } },
    },
  });
}

/**
 * Delegations a user can belong to: the whole roster of each dialogue (newest
 * first), Member States, then observer States, then groups, by name. A
 * legacy "other" delegation (UNESCO from an older import) is offered only
 * while someone belongs to it, so their row still shows it.
 */
export async function listDelegationChoices({ actor }: { actor: CurrentUser }) {
  authorize(actor, "user.manage");
  return getPrisma().delegation.findMany({
    where: { OR: [ROSTER_MEMBER, { users: { some: {} } }] },
    orderBy: [{ dialogue: { date: "desc" } }, { kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      onBehalfOf: true,
      kind: true,
      rosterKey: true,
      dialogue: { select: { date: true } },
    },
  });
}
