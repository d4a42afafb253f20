/**
 * A new paragraph "5 bis" in Chromium, against `next start` and the real
 * collaboration server: Bahrain selects words in operative paragraph 5 and,
 * by keyboard, proposes a new paragraph after it (the form passes axe); the
 * facilitator sees "New paragraph OP 5 bis" and accepts it; a second
 * facilitator, with the section open all along, sees the numbering shift
 * live — the old 6 becomes 7.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlanWithOperativeParagraphs } from "@/test/support/factories";
import { markerOf as markerIn, openPlanAs, selectInPassage } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const SECTION = "objectives";
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlanWithOperativeParagraphs({ sectionKey: SECTION, count: 8 }));
});

const markerOf = (page: Page, blockId: string) => markerIn(page, { sectionKey: SECTION, blockId });

describe.skipIf(!hasServer)("amendments on whole paragraphs in the browser", () => {
  it('Bahrain proposes "5 bis", the facilitator accepts it, and a second editor sees 6 become 7 live', async () => {
    const [bahrain, facilitator, second] = await Promise.all([
      openPlanAs(browser, { planId, email: ACCOUNTS.bahrain, sectionKey: SECTION }),
      openPlanAs(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: SECTION }),
      openPlanAs(browser, { planId, email: ACCOUNTS.facilitator2, sectionKey: SECTION }),
    ]);
    await expect.poll(() => markerOf(second, "op6"), { timeout: 10_000 }).toMatch(/^\d+\.$/);
    const five = Number.parseInt((await markerOf(second, "op5"))!, 10);
    const six = await markerOf(second, "op6");
    expect(six).toBe(`${five + 1}.`);

    await selectInPassage(bahrain, { sectionKey: SECTION, blockId: "op5", text: "point 5" });
    await bahrain
      .getByRole("toolbar", { name: "Act on the selected text" })
      .getByRole("button", { name: "Propose amendment" })
      .click();
    const form = bahrain.getByRole("form", { name: "Propose an amendment to the selected text" });
    // The scope is a radio group with the focus on its first choice: the arrow key chooses the next.
    await expect
      .poll(() => form.getByRole("radio", { name: "Change words" }).evaluate((e) => e === document.activeElement))
      .toBe(true);
    await bahrain.keyboard.press("ArrowDown");
    await expect(form.getByRole("radio", { name: "Insert a new paragraph after it" }).isChecked()).resolves.toBe(true);
    await expect(form.getByTestId("new-paragraph-label").textContent()).resolves.toBe(`New paragraph OP ${five} bis`);
    expect(await findSeriousViolations(bahrain)).toEqual([]);
    await form.getByLabel("Text of the new paragraph").fill("Decides on point five bis of the plan");
    await form.getByLabel("Rationale").fill("The plan needs a step between five and six.");
    await form.getByRole("button", { name: "Propose amendment" }).click();
    await bahrain.locator(`#${SECTION}`).getByRole("status").filter({ hasText: "Amendment proposed" }).waitFor();

    const card = facilitator.locator(`#${SECTION} [data-testid=amendment]`, { hasText: "Bahrain" });
    await card.waitFor({ timeout: 10_000 });
    await expect(card.getByTestId("amendment-paragraph-change").textContent()).resolves.toBe(
      `New paragraph OP ${five} bis`,
    );
    await expect(card.locator("ins").allTextContents()).resolves.toEqual([
      "[inserted: Decides on point five bis of the plan]",
    ]);
    await card.getByRole("button", { name: /^Accept/ }).click();

    // The second editor never reloaded: the new paragraph appears after 5, and the old 6 is now 7.
    const inserted = second.locator(`#${SECTION} .ProseMirror > p`, { hasText: "Decides on point five bis" });
    await inserted.waitFor({ timeout: 10_000 });
    await expect.poll(() => markerOf(second, "op6"), { timeout: 10_000 }).toBe(`${five + 2}.`);
    await expect(inserted.getAttribute("data-marker")).resolves.toBe(`${five + 1}.`);
    await expect.poll(() => markerOf(bahrain, "op6"), { timeout: 10_000 }).toBe(`${five + 2}.`);
    const stored = await getPrisma().amendment.findFirstOrThrow({ where: { planId, kind: "insert_paragraph" } });
    expect(stored.status).toBe("accepted");
    await Promise.all([bahrain, facilitator, second].map((page) => page.context().close()));
  });
});
