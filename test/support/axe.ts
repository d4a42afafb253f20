/**
 * An axe scan as the end-to-end tests run it: the serious and critical
 * violations only, each as "rule: the elements it found". The scan waits for
 * the page's title first: Next streams a dynamic page's metadata, so a scan
 * made just after a navigation or a refresh could catch the document before
 * its <title> arrives (axe's document-title) — a race in the test, not a page
 * without a title. A page that never gets one still fails, on the wait.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

export async function findSeriousViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 10_000 });
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
