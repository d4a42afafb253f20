/**
 * Which delegations are roster members (Member States, observer States, negotiating groups): those that may be
 * invited, sponsor a draft or hold a bracket. The rest are legacy rows kept for the accounts and comments attached
 * to them (a UN body listed in an old annex, kind "other"). The rule lives here alone, as a where-builder.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export const ROSTER_MEMBER = { kind: { not: "other" } } satisfies Prisma.DelegationWhereInput;
