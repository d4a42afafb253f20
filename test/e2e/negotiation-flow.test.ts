/**
 * A whole negotiation in Chromium, against `next start` and the collaboration server: delegate A (Bahrain) proposes
 * "5 bis"; the facilitator brackets a phrase with two alternatives, issues Rev.1 and accepts "5 bis", and delegate B
 * (Ecuador), whose page stayed open, sees the numbering shift live; the facilitator issues Rev.2 and puts it under
 * silence 20 s ahead; delegate B breaks silence and the facilitator's page shows it. Adoption when nobody breaks
 * silence is the second run of silence.test.ts. Axe passes on every page on the way. With DOCS_SCREENSHOTS=1 the
 * run refreshes the screenshot of the negotiation page in the docs.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { waitFor } from "@/test/support/collab";
import { createPlanWithOperativeParagraphs } from "@/test/support/factories";
import {
  breakSilence,
  insertAlternatives,
  issueRevisionOnPage,
  proposeParagraphAfter,
  putUnderSilence,
} from "@/test/support/negotiation-ui";
import { markerOf as markerIn, openPlanAs, selectInPassage } from "@/test/support/plan-page";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const SECTION = "objectives";
const REASON = "Ecuador cannot join consensus on the alternatives in paragraph 3.";
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlanWithOperativeParagraphs({ sectionKey: SECTION, count: 8 }));
});

const markerOf = (page: Page, blockId: string) => markerIn(page, { sectionKey: SECTION, blockId });

async function expectAccessible(page: Page): Promise<void> {
  expect(await findSeriousViolations(page)).toEqual([]);
}

describe.skipIf(!hasServer)("a negotiation from the zero draft to silence", () => {
  it('"5 bis", alternatives, Rev.1, acceptance live, Rev.2 under silence, and silence broken', async () => {
    const [bahrain, facilitator, ecuador] = await Promise.all(
      [ACCOUNTS.bahrain, ACCOUNTS.facilitator, ACCOUNTS.delegate].map((email) =>
        openPlanAs(browser, { planId, email, sectionKey: SECTION }),
      ),
    );
    await expect.poll(() => markerOf(ecuador, "op6"), { timeout: 10_000 }).toMatch(/^\d+\.$/);
    const five = Number.parseInt((await markerOf(ecuador, "op5"))!, 10);

    // Delegate A proposes a new paragraph after 5.
    await proposeParagraphAfter(bahrain, {
      sectionKey: SECTION,
      blockId: "op5",
      words: "point 5",
      newText: "Decides on point five bis of the plan",
      rationale: "A step is missing between five and six.",
    });

    // The facilitator replaces two words of paragraph 3 with alternatives held by different delegations.
    const holders = await getPrisma().delegation.findMany({
      where: { dialogueId: SEED_DIALOGUE_ID, name: { in: ["Bahrain", "Ecuador"] } },
      orderBy: { name: "asc" },
    });
    await selectInPassage(facilitator, { sectionKey: SECTION, blockId: "op3", text: "point 3" });
    const printed = await insertAlternatives(facilitator, SECTION, [
      { text: "point 3", heldBy: [holders[0].id] },
      { text: "points 3 and 4", heldBy: [holders[1].id] },
    ]);
    await ecuador.locator(`#${SECTION} .bracket-alternatives`, { hasText: printed }).waitFor({ timeout: 10_000 });
    await expectAccessible(facilitator);

    // Rev.1 freezes the text with its brackets; the proposal stays pending and valid in round 2.
    const negotiation = await browser.newPage(ACCOUNTS.facilitator);
    await issueRevisionOnPage(negotiation, planId, "Rev.1");
    await expectAccessible(negotiation);
    const rev1 = await getPrisma().planVersion.findFirstOrThrow({
      where: { planId, label: "Rev.1" },
      include: { sections: { where: { key: SECTION } } },
    });
    expect(JSON.stringify(rev1.sections[0].content)).toContain("points 3 and 4");
    const proposal = await getPrisma().amendment.findFirstOrThrow({ where: { planId, kind: "insert_paragraph" } });
    expect(proposal.staleSinceRevision).toBeNull();

    // The facilitator accepts "5 bis": Ecuador's page, never reloaded, renumbers 6 as 7.
    await facilitator.reload();
    const card = facilitator.locator(`#${SECTION} [data-testid=amendment]`, { hasText: "Bahrain" });
    await card.waitFor({ timeout: 10_000 });
    await expect(card.getByTestId("amendment-paragraph-change").textContent()).resolves.toBe(
      `New paragraph OP ${five} bis`,
    );
    await card.getByRole("button", { name: /^Accept/ }).click();
    await ecuador.locator(`#${SECTION} .ProseMirror > p`, { hasText: "point five bis" }).waitFor({ timeout: 10_000 });
    await expect.poll(() => markerOf(ecuador, "op6"), { timeout: 10_000 }).toBe(`${five + 2}.`);

    // Rev.2, then silence 20 s ahead; Ecuador breaks it and the facilitator's page says so.
    await issueRevisionOnPage(negotiation, planId, "Rev.2");
    if (process.env.DOCS_SCREENSHOTS === "1") await negotiation.screenshot({ path: "docs/images/negotiation.png" });
    await facilitator.reload();
    await putUnderSilence(facilitator, {
      label: "Rev.2",
      inMs: 20_000,
      beforeSubmit: () => expectAccessible(facilitator),
    });
    await ecuador.reload();
    await breakSilence(ecuador, { label: "Rev.2", reason: REASON });
    await expectAccessible(ecuador);
    const banner = facilitator.getByRole("region", { name: "Silence procedure" });
    await banner.getByText(/^Silence was broken by Ecuador on /).waitFor({ timeout: 15_000 });
    await banner.getByText(REASON).waitFor();
    await waitFor(
      async () => (await getPrisma().silenceProcedure.findFirst({ where: { planId } }))?.brokenAt != null,
      "the break is stored",
    );
    const silence = await getPrisma().silenceProcedure.findFirstOrThrow({ where: { planId } });
    expect(silence.adoptedAt).toBeNull();
    await Promise.all([bahrain, facilitator, ecuador, negotiation].map((page) => page.context().close()));
  }, 120_000);
});
