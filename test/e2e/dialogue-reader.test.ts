import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, demoPlanId } = setUpServedApp();
const browser = setUpBrowser();
const READER = "/dialogues/2009-05-13-taking-collective-action-to-end-human-trafficking";

describe.skipIf(!hasServer)("the dialogue reader in Chromium", () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage(ACCOUNTS.observer);
  });

  it("lists the dialogue on the home page and opens it", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: "Taking collective action to end human Trafficking" }).click();
    await page.waitForURL(`**${READER}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Summary of the Interactive Thematic Dialogue",
    );
    await expect(page.getByRole("heading", { name: /Panel 2/ }).count()).resolves.toBe(1);
    await expect(page.locator("article[data-citable]").count()).resolves.toBe(16);
  });

  it("searches “resources” and follows a hit to the highlighted item", async () => {
    await page.goto(READER);
    const box = page.getByRole("searchbox", { name: "Search the dialogue" });
    await box.fill("resources");
    await box.press("Enter");
    const results = page.getByRole("region", { name: /matches for “resources”/ });
    await results.waitFor();
    const heading = await results.getByRole("heading").textContent();
    expect(Number(heading?.match(/^(\d+) matches/)?.[1])).toBeGreaterThanOrEqual(3);
    // Stemming: the hit on "resource needs" is found by "resources".
    await expect(results.locator("mark", { hasText: /^resource$/ }).count()).resolves.toBeGreaterThan(0);

    const hit = results.getByRole("link", { name: /What the plan should do #should-8/ });
    await hit.click();
    await page.waitForURL(/#should-8$/);
    const target = page.locator("#should-8");
    await expect(target.evaluate((el) => el.matches(":target"))).resolves.toBe(true);
    await expect(target.locator("mark").first().textContent()).resolves.toBe("resources");
    await expect(isInViewport(page, "#should-8")).resolves.toBe(true);
    // The draft plan cites this item (so do the plans other files made); the reader links back to the passage.
    await target.locator(`a[href="/plans/${demoPlanId}#passage-resources.should-8"]`, { hasText: "Resources" }).click();
    await page.waitForURL(new RegExp(`/plans/${demoPlanId}#passage-resources\\.should-8$`));
  });

  it("opens a sentence address, scrolls to it and highlights it", async () => {
    await page.goto(`${READER}#panel-2.gupta.s4`);
    const sentence = page.locator('[id="panel-2.gupta.s4"]');
    await expect(sentence.textContent()).resolves.toContain("In order to tackle demand effectively");
    await expect(isInViewport(page, '[id="panel-2.gupta.s4"]')).resolves.toBe(true);
    // The highlight fades in, so wait for it to settle on the :target colour.
    await page.waitForFunction(
      (id) => getComputedStyle(document.getElementById(id)!).backgroundColor === "rgb(254, 243, 199)",
      "panel-2.gupta.s4",
      { timeout: 5_000 },
    );
  });

  it("is keyboard-usable: skip link first, then the search box by Tab", async () => {
    await page.goto(READER);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");
    for (let i = 0; i < 60; i++) {
      const label = await page.evaluate(() => document.activeElement?.getAttribute("id"));
      if (label === "dialogue-search") break;
      await page.keyboard.press("Tab");
    }
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("dialogue-search");
  });

  it("answers an unknown dialogue with a 404 page that leads back", async () => {
    const response = await page.goto("/dialogues/no-such-dialogue");
    expect(response?.status()).toBe(404);
    await page.getByRole("link", { name: "Back to the dialogues" }).click();
    await page.waitForURL(`${baseUrl}/`);
  });

  it("has no serious or critical axe violations on the home page and the reader", async () => {
    for (const path of ["/", `${READER}?q=resources`]) {
      await page.goto(path);
      expect((await findSeriousViolations(page)).map((v) => `${path}: ${v}`)).toEqual([]);
    }
  });
});

async function isInViewport(page: Page, selector: string): Promise<boolean> {
  await page.waitForFunction(
    (sel) => {
      const rect = document.querySelector(sel)!.getBoundingClientRect();
      return rect.top >= 0 && rect.top < window.innerHeight;
    },
    selector,
    { timeout: 5_000 },
  );
  return true;
}
