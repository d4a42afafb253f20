/**
 * Amendments in Chromium, as three users: Bahrain proposes on selected text,
 * Ecuador sees it live and co-sponsors, the facilitator sees the word diff
 * and accepts — the text changes in both the facilitator's and Bahrain's
 * browsers, and the passage's sources list the amendment.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan, findPassageStart } from "@/test/support/factories";
import { openPlanAs, selectInPassage } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInOverHttp } from "@/test/support/sign-in";

const { baseUrl, hasServer } = setUpServedApp();
const browser = setUpBrowser();
const SECTION = "objectives";
const BLOCK = "objectives.should-5";
// One plan for the file: the list test reads the amendment the first test accepted.
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

const open = (email: string) => openPlanAs(browser, { planId, email, sectionKey: SECTION });

describe.skipIf(!hasServer)("amendments in the browser", () => {
  it("Bahrain proposes, Ecuador co-sponsors, the facilitator accepts and the text changes for everyone", async () => {
    const [bahrain, ecuador, facilitator] = await Promise.all([
      open(ACCOUNTS.bahrain),
      open(ACCOUNTS.delegate),
      open(ACCOUNTS.facilitator),
    ]);
    await selectInPassage(bahrain, { sectionKey: SECTION, blockId: BLOCK, text: "concretize standards" });
    await bahrain
      .getByRole("toolbar", { name: "Act on the selected text" })
      .getByRole("button", { name: "Propose amendment" })
      .click();
    const form = bahrain.getByRole("form", { name: "Propose an amendment to the selected text" });
    await form.getByLabel("Change").selectOption("replace");
    await form.getByLabel("New text").fill("concretize common minimum standards");
    await form.getByLabel("Rationale").fill("Standards need a floor that every State can meet.");
    await form.getByRole("button", { name: "Propose amendment" }).click();
    await bahrain.locator(`#${SECTION}`).getByRole("status").filter({ hasText: "Amendment proposed" }).waitFor();

    // Ecuador sees it live and co-sponsors it.
    const ecuadorCard = ecuador.locator(`#${SECTION} [data-testid=amendment]`, { hasText: "Bahrain" });
    await ecuadorCard.waitFor({ timeout: 10_000 });
    await ecuadorCard.getByRole("button", { name: /^Co-sponsor/ }).click();
    await ecuadorCard.getByRole("button", { name: /^Withdraw support/ }).waitFor();

    // The facilitator sees the word diff and the co-sponsor, live, and accepts.
    const card = facilitator.locator(`#${SECTION} [data-testid=amendment]`, { hasText: "Co-sponsored by Ecuador" });
    await card.waitFor({ timeout: 10_000 });
    await expect(card.locator("ins").allTextContents()).resolves.toEqual(["[inserted: common minimum ]"]);
    await card.getByRole("button", { name: /^Accept/ }).click();

    const amended = "Develop and concretize common minimum standards.";
    for (const page of [facilitator, bahrain]) {
      await page
        .locator(`#${SECTION} .ProseMirror [data-block-id="${BLOCK}"]`, { hasText: amended })
        .waitFor({ timeout: 10_000 });
    }
    // The passage's sources list the amendment.
    await facilitator.locator(`#${SECTION} .ProseMirror [data-block-id="${BLOCK}"]`).click();
    await facilitator
      .getByTestId("passage-panel")
      .getByText(/^Amendment \d+ by Bahrain$/)
      .waitFor({ timeout: 10_000 });

    const stored = await getPrisma().amendment.findFirstOrThrow({
      where: { planId, newText: "concretize common minimum standards" },
      include: { links: true },
    });
    expect(stored.status).toBe("accepted");
    expect(stored.links).toHaveLength(1);
    await Promise.all([bahrain, ecuador, facilitator].map((page) => page.context().close()));
  });

  it("lists every amendment with its status, filters it, and passes axe", async () => {
    const page = await open(ACCOUNTS.observer);
    await page.goto(`/plans/${planId}/amendments`);
    await page.getByRole("heading", { name: "Amendments", level: 1 }).waitFor();
    await expect(page.getByTestId("amendment-counts").textContent()).resolves.toMatch(/accepted: ?1/);
    await page.getByLabel("Status").selectOption("accepted");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/state=accepted/);
    const cards = page.getByTestId("amendment");
    await expect(cards.count()).resolves.toBeGreaterThan(0);
    for (const state of await page.getByTestId("amendment-state").allTextContents()) expect(state).toBe("accepted");
    // An observer reads but gets no action.
    await expect(page.getByRole("button", { name: /^(Accept|Co-sponsor|Withdraw)/ }).count()).resolves.toBe(0);
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.context().close();
  });
  it("the plan-wide amendments page shows a proposal and its withdrawal live, without a reload", async () => {
    const page = await openPlanAs(browser, {
      planId,
      email: ACCOUNTS.facilitator,
      sectionKey: "objectives",
    });
    await page.goto(`/plans/${planId}/amendments`);
    await page
      .getByTestId("live-status")
      .filter({ hasText: "Live: new amendments appear here" })
      .waitFor({ timeout: 10_000 });
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const bahrain = await signInOverHttp(baseUrl, ACCOUNTS.bahrain);
    const { blockId, exact } = await findPassageStart({ planId, sectionKey: "objectives" });
    const rationale = "Bahrain, live on the amendments page.";
    const proposed = await bahrain.fetch(`/api/plans/${planId}/amendments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        sectionKey: "objectives",
        blockId,
        quote: { exact },
        kind: "delete",
        rationale,
      }),
    });
    expect(proposed.status).toBe(201);
    const card = page.getByTestId("amendment").filter({ hasText: rationale });
    await card.waitFor({ timeout: 5_000 });
    await expect(card.getByTestId("amendment-state").textContent()).resolves.toBe("pending");
    await page
      .getByTestId("live-status")
      .filter({ hasText: /Live: updated at/ })
      .waitFor();

    const { id } = (await proposed.json()) as { id: string };
    expect(
      (
        await bahrain.fetch(`/api/plans/${planId}/amendments/${id}/withdraw`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(200);
    await expect.poll(() => card.getByTestId("amendment-state").textContent(), { timeout: 5_000 }).toBe("withdrawn");
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.context().close();
  });
});
