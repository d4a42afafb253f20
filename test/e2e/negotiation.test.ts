/**
 * A round of consultations in Chromium (the endpoints' refusals are in
 * rounds-api.test.ts): the facilitator issues Rev.1 from
 * the negotiation page (keyboard, confirmation, status) and sets a comment
 * deadline a few seconds ahead; the delegate sees the round and the countdown
 * on the plan page, and once the deadline has passed their reply is refused
 * with the deadline shown. Axe finds nothing serious on the negotiation page.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan, createThread, findUser } from "@/test/support/factories";
import { openPlanAs, selectInPassage } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
let planId: string;
let threadId: string;
let threadNumber: number;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const thread = await createThread({ actor: await findUser(ACCOUNTS.delegate), planId, body: "Ecuador asks." });
  threadId = thread.id;
  threadNumber = (await getPrisma().commentThread.findUniqueOrThrow({ where: { id: thread.id } })).number;
});

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await findSeriousViolations(page)).toEqual([]);
}

describe.skipIf(!hasServer)("a round in the browser", () => {
  it("the facilitator issues Rev.1 and sets a deadline; the delegate sees the countdown, then is refused", async () => {
    const facilitator = await browser.newPage(ACCOUNTS.facilitator);
    const errors: string[] = [];
    facilitator.on("pageerror", (error) => errors.push(error.message));
    await facilitator.goto(`/plans/${planId}/negotiation`);
    await expectNoSeriousViolations(facilitator);

    // Issue Rev.1 from the keyboard, through the confirmation.
    await facilitator.getByRole("button", { name: "Issue Rev.1" }).focus();
    await facilitator.keyboard.press("Enter");
    const dialog = facilitator.getByRole("alertdialog", { name: "Issue Rev.1?" });
    await dialog.waitFor();
    await expectNoSeriousViolations(facilitator);
    await dialog.getByRole("button", { name: "Issue Rev.1" }).focus();
    await facilitator.keyboard.press("Enter");
    const status = facilitator.getByTestId("issue-revision-status");
    await facilitator.waitForFunction(
      () => document.querySelector("[data-testid=issue-revision-status]")?.textContent?.startsWith("Issued Rev.1"),
      null,
      { timeout: 15_000 },
    );
    await expect(status.textContent()).resolves.toMatch(/^Issued Rev\.1: round 2 is open\./);
    const revision = facilitator.getByTestId("revision").filter({ hasText: "Rev.1" });
    await revision.waitFor();
    const docx = await revision.getByRole("link", { name: "DOCX of Rev.1" }).getAttribute("href");
    const download = await facilitator.request.get(docx!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("wordprocessingml");
    const pdf = await revision.getByRole("link", { name: "PDF of Rev.1" }).getAttribute("href");
    expect((await facilitator.request.get(pdf!)).headers()["content-type"]).toBe("application/pdf");

    // A comment deadline a few seconds ahead, typed in UTC.
    const deadline = new Date(Date.now() + 45_000);
    const form = facilitator.getByRole("form", { name: "Deadlines of this round" });
    await form.getByLabel("Comment deadline (UTC)").fill(deadline.toISOString().slice(0, 19));
    await form.getByRole("button", { name: "Save deadlines" }).click();
    await facilitator.getByTestId("deadlines-status").filter({ hasText: "Deadlines saved." }).waitFor();
    const stored = await getPrisma().negotiationRound.findFirstOrThrow({ where: { planId, number: 2 } });
    expect(stored.commentDeadline?.toISOString()).toBe(
      new Date(deadline.toISOString().slice(0, 19) + "Z").toISOString(),
    );
    await expectNoSeriousViolations(facilitator);

    // The delegate: the round and the time left, on the plan page.
    const delegate = await openPlanAs(browser, { planId, email: ACCOUNTS.delegate });
    const round = delegate.getByTestId("round-status");
    await expect(round.textContent()).resolves.toContain("Round 2, on Rev.1");
    const countdown = round.getByTestId("countdown");
    await countdown.waitFor();
    await expect(countdown.textContent()).resolves.toMatch(/^ \(in 0 min \d\d s\)$/);
    // The comment form says it too.
    await selectInPassage(delegate, {
      sectionKey: "resources",
      blockId: "resources.should-8",
      text: "resources required",
    });
    await delegate
      .getByRole("toolbar", { name: "Act on the selected text" })
      .getByRole("button", { name: "Comment" })
      .click();
    const notice = delegate
      .getByRole("form", { name: "New comment on the selected text" })
      .getByTestId("comment-deadline-notice");
    await notice.getByTestId("countdown").waitFor();
    await expect(notice.textContent()).resolves.toMatch(/^Comments close .* UTC \(in 0 min \d\d s\)$/);
    await delegate.goto(`/plans/${planId}/negotiation`);
    await expect(delegate.getByRole("button", { name: /^Issue Rev/ }).count()).resolves.toBe(0);
    await expectNoSeriousViolations(delegate);

    // Past the deadline: the countdown says so, and a reply is refused with the deadline shown.
    await delegate.goto(`/plans/${planId}`);
    await delegate.getByTestId("countdown").filter({ hasText: "the deadline has passed" }).waitFor({ timeout: 60_000 });
    const before = await getPrisma().comment.count({ where: { threadId } });
    const thread = delegate.locator("#resources [data-testid=comment-thread]", { hasText: "Ecuador asks." });
    await thread.getByLabel(`Reply to comment ${threadNumber}`).fill("Too late?");
    await thread.getByRole("button", { name: `Reply to comment ${threadNumber}` }).click();
    await thread.getByText(/^The deadline for this round was .* UTC: new comments are no longer taken\.$/).waitFor();
    expect(await getPrisma().comment.count({ where: { threadId } })).toBe(before);
    expect(errors).toEqual([]);
    await Promise.all([facilitator.context().close(), delegate.context().close()]);
  });
});
