/**
 * The silence procedure in Chromium. A facilitator puts Rev.2 under silence with a deadline 20 to 30 s ahead, from
 * the plan page; the banner counts down and the text turns read-only. In the first run delegate B (Bahrain) breaks
 * silence with a reason, by keyboard, and the facilitator's page shows who broke it and why. In a second run, on a
 * second plan, nobody breaks it: at the deadline the page says Rev.2 was adopted under silence and the editor stays
 * read-only. axe finds nothing serious on the banner, the start form or the break dialog.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan, findUser } from "@/test/support/factories";
import { issueTestRevision } from "@/test/support/negotiation";
import { putUnderSilence } from "@/test/support/negotiation-ui";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const SECTION = "resources";
const REASON = "Bahrain cannot join consensus on paragraph 5.";

/** A plan of its own in round 3, working on Rev.2. */
async function planOnRev2(): Promise<string> {
  const { id: planId } = await createPlan();
  const facilitator = await findUser(ACCOUNTS.facilitator);
  await issueTestRevision({ actor: facilitator, planId });
  await issueTestRevision({ actor: facilitator, planId });
  return planId;
}

/** Puts Rev.2 under silence `inMs` ahead from the plan page, scanning the filled form with axe first. */
function putRev2UnderSilence(page: Page, inMs: number): Promise<void> {
  return putUnderSilence(page, {
    label: "Rev.2",
    inMs,
    beforeSubmit: async () => expect(await findSeriousViolations(page)).toEqual([]),
  });
}

const readOnlyEditor = (page: Page) => page.locator(`#${SECTION} .ProseMirror[aria-label$="(read-only)"]`);

describe.skipIf(!hasServer)("silence procedure in the browser", () => {
  let brokenPlanId: string;
  let adoptedPlanId: string;
  beforeAll(async () => {
    if (hasServer) [brokenPlanId, adoptedPlanId] = await Promise.all([planOnRev2(), planOnRev2()]);
  });

  it("a delegate breaks silence by keyboard, with a reason, and the facilitator's page shows it", async () => {
    // The delegate's page is open first: silence reaches it live.
    const delegate = await browser.newPage(ACCOUNTS.bahrain);
    await delegate.goto(`/plans/${brokenPlanId}`);
    await delegate.locator('[data-testid="live-status"][data-connection="open"]').first().waitFor();
    const facilitator = await openPlanAs(browser, { planId: brokenPlanId, email: ACCOUNTS.facilitator });
    // A little more time than the second run: the delegate has a dialog to go through, and CI machines are slow.
    await putRev2UnderSilence(facilitator, 30_000);
    await readOnlyEditor(facilitator).waitFor();

    const banner = delegate.getByRole("region", { name: "Silence procedure" });
    await banner.getByText(/^Rev\.2 is under silence until/).waitFor({ timeout: 10_000 });
    await banner.getByRole("button", { name: "Break silence…" }).focus();
    await delegate.keyboard.press("Enter");
    const dialog = delegate.getByRole("alertdialog", { name: "Break silence on Rev.2?" });
    await dialog.getByLabel("Reason").waitFor();
    expect(await findSeriousViolations(delegate)).toEqual([]);
    // The reason field has the focus; the confirm button is next in the tab order.
    await delegate.keyboard.type(REASON);
    await delegate.keyboard.press("Tab");
    await delegate.keyboard.press("Enter");
    await banner.getByTestId("silence-status").getByText("Silence is broken; the facilitators are told.").waitFor();
    await banner.getByText(/^Silence was broken by Bahrain on /).waitFor();

    const facilitatorBanner = facilitator.getByRole("region", { name: "Silence procedure" });
    await facilitatorBanner
      .getByText(/^Silence was broken by Bahrain on \d+ \w+ \d{4}, \d\d:\d\d UTC:$/)
      .waitFor({ timeout: 15_000 });
    await facilitatorBanner.getByText(REASON).waitFor();
    // The text is open again.
    await facilitator.locator(`#${SECTION} .ProseMirror[contenteditable="true"]`).waitFor({ timeout: 15_000 });
    expect(
      await getPrisma().notification.count({
        where: { kind: "silence_broken", user: { email: ACCOUNTS.facilitator }, planId: brokenPlanId },
      }),
    ).toBe(1);
  }, 90_000);

  it("without a break, the page says Rev.2 was adopted under silence at the deadline, and the editor is read-only", async () => {
    const facilitator = await openPlanAs(browser, { planId: adoptedPlanId, email: ACCOUNTS.facilitator });
    await putRev2UnderSilence(facilitator, 20_000);
    await readOnlyEditor(facilitator).waitFor();
    const banner = facilitator.getByRole("region", { name: "Silence procedure" });
    await banner.getByText(/^Rev\.2 was adopted under silence on \d+ \w+ \d{4}\.$/).waitFor({ timeout: 45_000 });
    await readOnlyEditor(facilitator).waitFor();
    await expect(facilitator.locator(`#${SECTION} .ProseMirror[contenteditable="true"]`).count()).resolves.toBe(0);
    expect(await findSeriousViolations(facilitator)).toEqual([]);
    const silence = await getPrisma().silenceProcedure.findFirstOrThrow({ where: { planId: adoptedPlanId } });
    expect(silence.adoptedAt).not.toBeNull();
    expect(await getPrisma().auditLog.count({ where: { action: "silence.adopt", resourceId: silence.id } })).toBe(1);
  }, 90_000);
});
