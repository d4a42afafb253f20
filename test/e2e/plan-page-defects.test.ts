/**
 * What facilitators tripped over on the plan page, in Chromium against the
 * served app, on a plan of this file's own: a co-editor's caret drawn in
 * their colour with their name; avatars told apart; one number per source,
 * the same in the text, the marker and the sources panel; a cited suggestion
 * leaving the suggestions; and taking back a confirmed source, which the
 * coverage board shows live.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { createPlan } from "@/test/support/factories";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();

/** The plan page as `email`, once `sectionKey`'s live editor is built. */
const openPlan = (planId: string, email: string, sectionKey: string) =>
  openPlanAs(browser, { planId, email, sectionKey });

describe.skipIf(!hasServer)("two facilitators in one section", () => {
  it("see each other's caret in the person's colour with their name, and avatars they can tell apart", async () => {
    const { id: planId } = await createPlan();
    const [fatima, felix] = await Promise.all([
      openPlan(planId, ACCOUNTS.facilitator, "timeframe"),
      openPlan(planId, ACCOUNTS.facilitator2, "timeframe"),
    ]);
    await fatima.locator("#timeframe .ProseMirror p").first().click();
    await fatima.keyboard.press("End");
    await fatima.keyboard.type(" Fatima types here.");
    const label = felix.locator("#timeframe .collaboration-carets__label", { hasText: "Fatima Facilitator" });
    await label.waitFor();
    const colours = await label.evaluate((element) => ({
      caret: getComputedStyle(element.parentElement!).borderLeftColor,
      label: getComputedStyle(element).backgroundColor,
    }));
    // Before, the colour was hsl(), which the caret extension replaced with transparent.
    expect(colours.caret).not.toBe("rgba(0, 0, 0, 0)");
    expect(colours.caret).toMatch(/^rgb\(/);
    expect(colours.label).toBe(colours.caret);

    // "FF" would stand for both of them; each avatar says whose it is on focus.
    const avatars = fatima.locator("#timeframe").getByRole("list", { name: "People in this section" });
    const felixAvatar = avatars.getByRole("listitem").filter({ hasText: "Felix Facilitator" });
    await felixAvatar.waitFor();
    await expect(felixAvatar.locator('[aria-hidden="true"]').textContent()).resolves.toBe("FeF");
    await felixAvatar.focus();
    await expect(felixAvatar.locator(".presence-name").isVisible()).resolves.toBe(true);
    await Promise.all([fatima.context().close(), felix.context().close()]);
  });
});

describe.skipIf(!hasServer)("citing a source in a new paragraph", () => {
  it("numbers it once, the same in the text, the marker and the sources panel, and drops it from the suggestions", async () => {
    const { id: planId } = await createPlan();
    const page = await openPlan(planId, ACCOUNTS.facilitator, "resources");
    const section = page.locator("#resources");
    await section.locator('.ProseMirror li[data-block-id="resources.should-8"] p').click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Traffickers exploit the gaps between national systems.");
    const panel = section.getByTestId("passage-panel");
    await panel.getByRole("button", { name: "Suggest sources for this passage" }).click();
    const cite = panel.getByRole("button", { name: /^Cite .* at the caret$/ }).first();
    const address = (await cite.textContent())!.replace(/^Cite\s*/, "").replace(/\s*at the caret$/, "");
    await cite.click();
    await panel
      .getByRole("status")
      .filter({ hasText: `Cited ${address}` })
      .waitFor();
    // Cited, it is linked to the passage: it leaves the suggestions, as a confirmed one does.
    await expect(
      panel
        .getByRole("list", { name: "Suggested sources" })
        .getByRole("link", { name: `#${address}` })
        .count(),
    ).resolves.toBe(0);

    await section.locator('[data-testid="save-status"]', { hasText: "Saved" }).waitFor();
    await page.reload();
    await section.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    // The numbers are drawn once the page has given the editor the section's links (the markers show it).
    await section.locator(".ProseMirror [data-numbers]").first().waitFor();
    const numbers = await readSectionNumbers(page, "resources");
    // Every number names one source, and every source has one number, wherever it shows.
    for (const [number, linkIds] of numbers.byNumber)
      expect([number, [...linkIds]]).toEqual([number, [linkIds.values().next().value]]);
    for (const [linkId, shown] of numbers.byLink)
      expect([linkId, [...shown]]).toEqual([linkId, [shown.values().next().value]]);
    const cited = await getPrisma().provenanceLink.findFirstOrThrow({
      where: { planId, targetKey: { endsWith: address }, status: "confirmed" },
    });
    const badge = section.locator(`.ProseMirror [data-citation][data-link-id="${cited.id}"]`);
    // Numbered once the page has given the editor the section's links.
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/\[\d+\]/);
    const number = Number((await badge.textContent())!.match(/\d+/)![0]);
    // The passage's sources panel gives it the same number.
    await badge.locator("xpath=ancestor::li[@data-block-id][1]").click();
    const listed = panel.locator("li", { has: page.getByRole("link", { name: `#${address}`, exact: true }) });
    await expect(listed.getByTestId("source-number").allTextContents(), await panel.innerText()).resolves.toEqual([
      `[${number}]`,
    ]);
    await page.context().close();
  });
});

/** The section's numbers as shown: on citations (with their link) and in the source lists of its passages. */
async function readSectionNumbers(page: Page, sectionKey: string) {
  const shown = await page.locator(`#${sectionKey}`).evaluate((section) => {
    const pairs: [string, number][] = [];
    for (const badge of section.querySelectorAll(".ProseMirror [data-citation]"))
      pairs.push([badge.getAttribute("data-link-id")!, Number(badge.textContent!.match(/\d+/)?.[0])]);
    return pairs;
  });
  const byNumber = new Map<number, Set<string>>();
  const byLink = new Map<string, Set<number>>();
  for (const [linkId, number] of shown) {
    byNumber.set(number, (byNumber.get(number) ?? new Set()).add(linkId));
    byLink.set(linkId, (byLink.get(linkId) ?? new Set()).add(number));
  }
  // A passage's marker lists the sources its text does not cite: none of them may share a number with a citation in
  // that passage (another passage may cite the same source, under the same number).
  const byPassage = await page.locator(`#${sectionKey} .ProseMirror`).evaluate((text) => {
    const numbers = new Map<string, { cited: number[]; marked: number[] }>();
    const of = (element: Element) => {
      const blockId = element.closest("[data-block-id]")?.getAttribute("data-block-id") ?? "";
      if (!numbers.has(blockId)) numbers.set(blockId, { cited: [], marked: [] });
      return numbers.get(blockId)!;
    };
    for (const badge of text.querySelectorAll("[data-citation]"))
      of(badge).cited.push(Number(badge.textContent!.match(/\d+/)?.[0]));
    for (const marker of text.querySelectorAll("[data-numbers]"))
      of(marker).marked.push(...marker.getAttribute("data-numbers")!.split(",").filter(Boolean).map(Number));
    return [...numbers.entries()];
  });
  for (const [blockId, { cited, marked }] of byPassage)
    expect([blockId, marked.filter((n) => cited.includes(n))]).toEqual([blockId, []]);
  return { byNumber, byLink };
}

describe.skipIf(!hasServer)("a confirmed source taken back", () => {
  it("leaves the passage, is remembered as rejected, and the coverage board shows it live", async () => {
    const { id: planId } = await createPlan();
    const link = await getPrisma().provenanceLink.findFirstOrThrow({
      where: { planId, blockId: "resources.should-8", status: "confirmed", summaryItem: { isNot: null } },
      include: { summaryItem: { select: { key: true } } },
    });
    const board = await browser.newPage(ACCOUNTS.observer);
    await board.goto(`/plans/${planId}/coverage`);
    await board.getByText("Live: new sources appear here").waitFor();
    const point = board.getByTestId(`coverage-${link.summaryItem!.key}`);
    await expect(point.textContent()).resolves.toMatch(/^Covered/i);

    const page = await openPlan(planId, ACCOUNTS.facilitator, "resources");
    await page.locator('#resources .ProseMirror li[data-block-id="resources.should-8"] p').click();
    const panel = page.locator("#resources").getByTestId("passage-panel");
    await panel.getByRole("button", { name: new RegExp(`^Not a source… .*${link.summaryItem!.key}`) }).click();
    await panel.getByRole("alertdialog").getByRole("button", { name: "Not a source" }).click();
    await panel.getByRole("status").filter({ hasText: "no longer a source" }).waitFor();
    expect((await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("rejected");
    // The observer did nothing: the board heard of it.
    await expect.poll(() => point.textContent(), { timeout: 10_000 }).not.toMatch(/^Covered/i);
    await Promise.all([board.context().close(), page.context().close()]);
  });
});
