/**
 * A facilitator imports a dialogue of the family in the browser (the 2018 fixture: another topic, other wording, a
 * list missing), seeds it with each template, and reads the seeding report: where every list item went and how.
 * The seeded text carries its list as a label beside it, not in its words. Axe on the report.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const FIXTURE = "test/fixtures/dialogues/ga-dialogue-2018-sustainable-tourism.md";
const TOPIC = "Sustainable tourism: a driver of inclusive development";

/** The report's rows as read: the item, its sections, and its state. */
async function readReport(page: Page) {
  const table = page.getByTestId("seeding-report");
  await table.waitFor();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({
      item: row.querySelector("td")!.textContent!,
      sections: [...row.querySelectorAll("td:nth-child(2) a")].map((a) => a.textContent!),
      state: row.getAttribute("data-state"),
    })),
  );
}

describe.skipIf(!hasServer)("seeding a draft from an imported dialogue", () => {
  it("imports the summary, seeds it with each template, and reads where every item went", async () => {
    const page = await browser.newPage(ACCOUNTS.facilitator);
    await page.goto("/dialogues/import");
    await page.getByLabel("Dialogue summary (.md)").setInputFiles(FIXTURE);
    await page.getByRole("button", { name: "Import" }).click();
    await page
      .getByTestId("import-status")
      .getByText(/^Imported Sustainable tourism/)
      .waitFor();

    // The plan of action, the template chosen unless another is.
    await expect(page.getByLabel("Template").inputValue()).resolves.toBe("plan-of-action");
    await page.getByRole("button", { name: "Seed its draft plan" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/seeding$/);
    await page.getByRole("heading", { level: 1, name: "Seeding report" }).waitFor();
    await page.getByText("with the template Plan of action").waitFor();
    const plan = await readReport(page);
    const should = plan.filter((row) => row.item.startsWith("What the plan should do"));
    expect(should).toHaveLength(9);
    // Each has a home; one that matched no section is in the fallback, highlighted as fallen back.
    for (const row of should.filter((r) => r.state !== "placed")) {
      expect(row.state).toBe("fell_back");
      expect(row.sections).toEqual(["Further elements"]);
    }
    expect(should.filter((row) => row.state === "placed").length).toBeGreaterThanOrEqual(8);
    expect(plan.find((row) => row.item.includes("Mobilize funding"))!.sections).toContain("Resources");
    const counts = { placed: 0, fell_back: 0, not_placed: 0 } as Record<string, number>;
    for (const row of plan) counts[row.state!] += 1;
    await page
      .getByRole("status")
      .filter({
        hasText: `${counts.placed} placed, ${counts.fell_back} fell back, ${counts.not_placed} in no section.`,
      })
      .waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);

    // The same dialogue as a General Assembly resolution, from its card on the home page.
    await page.goto("/");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TOPIC }) });
    await card.getByLabel("Template").selectOption({ label: "General Assembly resolution with annex" });
    await card.getByRole("button", { name: "Seed a draft plan" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/seeding$/);
    await page.getByText("with the template General Assembly resolution with annex").waitFor();
    const resolution = await readReport(page);
    const agreed = resolution.filter((row) => row.item.startsWith("Consensus"));
    expect(agreed.map((row) => row.sections)).toEqual([["Preamble"], ["Preamble"]]);
    expect(resolution.find((row) => row.item.includes("time-bound targets"))!.sections).toEqual(
      expect.arrayContaining(["Annex — Targets and achievement indicators", "Annex — Timeframe"]),
    );
    expect(await findSeriousViolations(page)).toEqual([]);

    // The plan itself: what was agreed reads as draft text, its list a label beside it.
    await page.getByRole("link", { name: /^← Draft resolution: / }).click();
    const preamble = page.locator("#preamble .ProseMirror li").first();
    await preamble.waitFor();
    await expect(preamble.textContent()).resolves.toMatch(/^Tourism can contribute to all the Sustainable/);
    const label = await preamble.evaluate((li) => getComputedStyle(li, "::after").content);
    expect(label).toBe('"Agreed"');
    await page.context().close();
  });
});
