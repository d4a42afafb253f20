/**
 * Rows the tests need, made one way everywhere: users as the lib functions
 * see them (CurrentUser, with their delegation), so a test never builds an
 * actor by hand.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";

type UserOptions = {
  role: CurrentUser["role"];
  /** The delegation a delegate speaks for, by name (it must exist: the seed dialogue's annex). */
  delegationName?: string;
  /** Shown beside their comments; by default the role and delegation. */
  name?: string;
  /** By default derived from the name when given (tests that mention users by email), otherwise unique. */
  email?: string;
};

/** A user of the role, and of the delegation when named, as an actor for lib functions. */
export async function createUser({ role, delegationName, name, email }: UserOptions): Promise<CurrentUser> {
  const prisma = getPrisma();
  const delegation = delegationName
    ? await prisma.delegation.findFirstOrThrow({ where: { name: delegationName } })
    : null;
  const shownName = name ?? `${role} ${delegationName ?? ""}`.trim();
  const user = await prisma.user.create({
    data: {
      email:
        email ??
        (name ? `${name.toLowerCase().replace(/\W+/g, ".")}@test.local` : `${role}.${crypto.randomUUID()}@test.local`),
      name: shownName,
      role,
      passwordHash: "x",
      delegationId: delegation?.id ?? null,
    },
  });
  return {
    ...user,
    delegation: delegation && { id: delegation.id, name: delegation.name, onBehalfOf: delegation.onBehalfOf },
  };
}
