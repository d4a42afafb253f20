/**
 * The coverage page and the dialogue's addresses, as readers see them in
 * Chromium: a traceability matrix with legible column headings and the
 * items' words, long groups of points folded; statements addressed by the
 * speaker's family name, and old addresses still landing on them.
 */
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const app = setUpServedApp();
const browser = setUpBrowser();

describe.skipIf(!app.hasServer)("the coverage page", () => {
  it("numbers the matrix's columns with a legend, shows each item's words, and folds the 52 delegations", async () => {
    const page = await browser.newPage(ACCOUNTS.observer);
    await page.goto(`/plans/${app.demoPlanId}/coverage`);
    const sections = await getPrisma().planSection.findMany({
      where: { planId: app.demoPlanId },
      orderBy: { position: "asc" },
    });

    // Column headings are numbers; the legend says which section each is (titles written sideways overlapped).
    const legend = page.getByTestId("matrix-legend").getByRole("listitem");
    await expect(legend.allTextContents()).resolves.toEqual(sections.map((s, i) => `${i + 1} ${s.title}`));
    const should = page.getByTestId("matrix-should");
    const headings = await should.locator("thead th[scope=col]").allTextContents();
    expect(headings.slice(1)).toEqual(sections.map((s, i) => `${i + 1}${s.title}`)); // the number, and the title for screen readers
    const visibleHeadings = await should.locator('thead th[scope=col] [aria-hidden="true"]').allTextContents();
    expect(visibleHeadings).toEqual(sections.map((_, i) => String(i + 1)));

    // Each row shows the item's words, not only its key.
    const item = await getPrisma().summaryItem.findFirstOrThrow({
      where: { dialogueId: SEED_DIALOGUE_ID, key: "should-8" },
    });
    const row = should.locator("tbody tr", { hasText: "should-8" });
    await expect(row.locator("th").textContent()).resolves.toContain(item.text.split(" ").slice(0, 6).join(" "));

    // The delegations start folded, with their count; opening them shows every row.
    const delegations = page.getByTestId("points-delegations");
    await expect(delegations.evaluate((element) => (element as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(delegations.locator("summary").textContent()).resolves.toContain("(52)");
    await delegations.locator("summary").click();
    await expect(delegations.locator("li[data-testid^=coverage-delegation-]").count()).resolves.toBe(52);
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!app.hasServer)("addresses of statements", () => {
  it("use the speaker's family name, and an old address lands on the statement", async () => {
    const page = await browser.newPage(ACCOUNTS.observer);
    await page.goto(`/dialogues/${SEED_DIALOGUE_ID}`);
    await expect(page.locator('[id="opening.ban"]').textContent()).resolves.toContain("Ban Ki Moon");
    await expect(page.locator('[id="opening.d-escoto-brockmann"]').textContent()).resolves.toContain("D’Escoto");
    await expect(page.locator('[id="opening.arbito"]').textContent()).resolves.toContain("Arbito Chica");
    await expect(page.locator('[id="opening.moon"]').count()).resolves.toBe(0);

    // As a dialogue imported under the old rule keeps it (test/integration/readdress-dialogue.test.ts).
    await getPrisma().addressAlias.create({
      data: { dialogueId: SEED_DIALOGUE_ID, oldKey: "opening.moon", newKey: "opening.ban" },
    });
    try {
      // From another page: a new hash on the same page would not load the reader (and its aliases) again.
      await page.goto("/");
      await page.goto(`/dialogues/${SEED_DIALOGUE_ID}#opening.moon.s1`);
      await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toBe("#opening.ban.s1");
      await expect
        .poll(() => page.locator('[id="opening.ban.s1"]').evaluate((e) => e.getBoundingClientRect().top), {
          timeout: 10_000,
        })
        .toBeLessThan(200);
    } finally {
      await getPrisma().addressAlias.deleteMany({ where: { dialogueId: SEED_DIALOGUE_ID } });
    }
    await page.context().close();
  });
});
