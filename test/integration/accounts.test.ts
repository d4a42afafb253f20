import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "@/lib/users/seed-demo-accounts";
import { SEED_SOURCE as SOURCE } from "@/test/support/seed-database";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const prisma = getPrisma();

setUpSeedDialogue();

describe("accounts in the database", () => {
  it("seeds the demo accounts once, delegates linked to their annex delegations, with audit rows", async () => {
    expect(await seedDemoAccounts({ prisma, password: "pw-for-the-test" })).toHaveLength(DEMO_ACCOUNTS.length);
    expect(await seedDemoAccounts({ prisma, password: "pw-for-the-test" })).toEqual([]);
    const ecuador = await prisma.user.findUniqueOrThrow({
      where: { email: "delegate.ecuador@demo.local" },
      include: { delegation: true },
    });
    expect([ecuador.role, ecuador.delegation?.name]).toEqual(["delegate", "Ecuador"]);
    expect(ecuador.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await prisma.auditLog.count({ where: { action: "user.seed_demo" } })).toBe(DEMO_ACCOUNTS.length);
  });

  it("refuses a delegate without a delegation at the database itself", async () => {
    await expect(
      prisma.user.create({
        data: { email: "no-delegation@example.org", name: "X", passwordHash: "x", role: "delegate" },
      }),
    ).rejects.toThrow(/User_delegate_has_delegation/);
  });

  it("keeps a delegation that users belong to when a corrected annex drops it: it stays on the roster", async () => {
    const before = await prisma.delegation.findFirstOrThrow({ where: { name: "Ecuador" }, include: { users: true } });
    expect(before.users.length).toBeGreaterThan(0);
    const corrected = SOURCE.replace(/\n17\. Ecuador/, "");
    await importDialogue({ prisma, parsed: parseDialogue(corrected), sourceText: corrected, sourceName: "seed.md" });
    // Every State is a delegation of the dialogue; Ecuador is simply no longer in its annex.
    const after = await prisma.delegation.findFirstOrThrow({ where: { name: "Ecuador" }, include: { users: true } });
    expect(after).toMatchObject({ id: before.id, inAnnex: false, kind: "member_state" });
    expect(after.users.map((u) => u.id)).toEqual(before.users.map((u) => u.id));
  });
});
