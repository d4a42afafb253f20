/**
 * Demo accounts for trying the product: one per role, and two delegates of
 * the bundled 2009 dialogue. Existing accounts are left as they are.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; delegation?: string }[] = [
  { email: "admin@demo.local", name: "Ada Admin", role: "admin" },
  { email: "facilitator@demo.local", name: "Fatima Facilitator", role: "facilitator" },
  { email: "facilitator2@demo.local", name: "Felix Facilitator", role: "facilitator" },
  { email: "delegate.ecuador@demo.local", name: "Diego Delegate (Ecuador)", role: "delegate", delegation: "Ecuador" },
  { email: "delegate.bahrain@demo.local", name: "Dana Delegate (Bahrain)", role: "delegate", delegation: "Bahrain" },
  { email: "observer@demo.local", name: "Omar Observer", role: "observer" },
];

/** Creates the demo accounts that are missing; returns the emails created. */
export async function seedDemoAccounts({
  prisma,
  password,
}: {
  prisma: PrismaClient;
  password: string;
}): Promise<string[]> {
  const passwordHash = await hashPassword(password);
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { email: account.email } })) continue;
    const delegation = account.delegation
      ? await prisma.delegation.findFirst({
          where: { name: account.delegation, inAnnex: true },
          orderBy: { dialogue: { date: "desc" } },
        })
      : null;
    if (account.delegation && !delegation) continue; // its dialogue is not imported
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          delegationId: delegation?.id ?? null,
        },
      });
      await appendAudit(tx, {
        userId: null,
        action: "user.seed_demo",
        resourceType: "user",
        resourceId: user.id,
        detail: { email: account.email },
      });
    });
    created.push(account.email);
  }
  return created;
}
