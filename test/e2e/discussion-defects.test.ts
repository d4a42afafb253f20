/**
 * What delegates tripped over in the discussion, in Chromium against the
 * served app, on plans of this file's own: resolved threads' highlights
 * fade and clicking any highlight opens its thread; authors edit and delete
 * their own comments; selecting text shows one small action bar that opens
 * one form at a time.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setThreadStatus } from "@/lib/comments/set-thread-status";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan, createThread, findUser } from "@/test/support/factories";
import { openPlanAs, selectInPassage } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const PASSAGE = { sectionKey: "resources", blockId: "resources.should-8" };

/** The plan page as `email`, once the resources section's live editor is built. */
const openPlan = (planId: string, email: string) => openPlanAs(browser, { planId, email });

describe.skipIf(!hasServer)("comment highlights", () => {
  it("fade once their thread is resolved, and a click opens the thread even when the filter hides it", async () => {
    const { id: planId } = await createPlan();
    const ecuador = await findUser(ACCOUNTS.delegate);
    const thread = await createThread({ actor: ecuador, planId, body: "Ecuador asks who maps them." });
    const page = await openPlan(planId, ACCOUNTS.delegate);
    const mark = page.locator(`#resources .ProseMirror .comment-mark[data-thread-ids~="${thread.id}"]`);
    await mark.waitFor();
    const highlight = () => mark.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await highlight()).not.toBe("rgba(0, 0, 0, 0)");

    await setThreadStatus({ actor: ecuador, target: { planId, threadId: thread.id }, input: { status: "resolved" } });
    await expect.poll(highlight, { timeout: 10_000 }).toBe("rgba(0, 0, 0, 0)");
    // The panel shows open threads: the resolved one is hidden, until its highlight is clicked.
    const card = page.locator(`#thread-${thread.id}`);
    await card.waitFor({ state: "detached" });
    await mark.click();
    await card.waitFor();
    await expect
      .poll(() => card.evaluate((element) => element === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    await expect(card.getAttribute("data-status")).resolves.toBe("resolved");
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!hasServer)("one's own comments", () => {
  it("are edited and deleted by their author, leaving a tombstone; others get no such buttons", async () => {
    const { id: planId } = await createPlan();
    const thread = await createThread({ actor: await findUser(ACCOUNTS.delegate), planId, body: "First words." });
    const bahrain = await openPlan(planId, ACCOUNTS.bahrain);
    const card = (page: Page) => page.locator(`#thread-${thread.id}`);
    await card(bahrain).waitFor();
    await expect(
      card(bahrain)
        .getByRole("button", { name: /^(Edit|Delete) comment/ })
        .count(),
    ).resolves.toBe(0);

    const ecuador = await openPlan(planId, ACCOUNTS.delegate);
    await card(ecuador)
      .getByRole("button", { name: `Edit comment ${thread.number}` })
      .click();
    const form = card(ecuador).getByRole("form", { name: `Edit comment ${thread.number}` });
    await form.getByLabel(`Words of comment ${thread.number}`).fill("Second thoughts.");
    await form.getByRole("button", { name: /^Save/ }).click();
    await card(ecuador).getByText("Second thoughts.").waitFor();
    await card(ecuador).getByText("(edited)").waitFor();
    // Everyone else sees the edit live.
    await card(bahrain).getByText("Second thoughts.").waitFor({ timeout: 10_000 });

    await card(ecuador)
      .getByRole("button", { name: `Delete comment ${thread.number}` })
      .click();
    await card(ecuador).getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    // The tombstone, not only the status line that says it was done.
    await card(ecuador).locator("p.italic", { hasText: "Comment deleted" }).waitFor();
    const stored = await getPrisma().comment.findFirstOrThrow({ where: { threadId: thread.id } });
    expect(stored.deletedAt).not.toBeNull();
    expect(await findSeriousViolations(ecuador)).toEqual([]);
    await Promise.all([ecuador.context().close(), bahrain.context().close()]);
  });
});

describe.skipIf(!hasServer)("selecting text", () => {
  it("shows one action bar at the selection; each action opens its one form", async () => {
    const { id: planId } = await createPlan();
    const page = await openPlan(planId, ACCOUNTS.delegate);
    const section = page.locator("#resources");
    const commentForm = section.getByRole("form", { name: "New comment on the selected text" });
    const amendmentForm = section.getByRole("form", { name: "Propose an amendment to the selected text" });
    const panel = section.getByTestId("passage-panel");
    const before = await section.locator(".ProseMirror").boundingBox();

    await selectInPassage(page, { ...PASSAGE, text: "resources required" });
    const bar = section.getByRole("toolbar", { name: "Act on the selected text" });
    await expect(bar.getByRole("button").allTextContents()).resolves.toEqual(["Comment", "Propose amendment"]);
    expect(await Promise.all([commentForm.count(), amendmentForm.count(), panel.count()])).toEqual([0, 0, 0]);
    // Nothing opened above or beside the text: it stays where it was.
    expect(await section.locator(".ProseMirror").boundingBox()).toEqual(before);

    await bar.getByRole("button", { name: "Propose amendment" }).click();
    await amendmentForm.waitFor();
    expect(await Promise.all([commentForm.count(), bar.count()])).toEqual([0, 0]);
    await page.keyboard.press("Escape");
    await amendmentForm.waitFor({ state: "detached" });

    await selectInPassage(page, { ...PASSAGE, text: "resources required" });
    await bar.getByRole("button", { name: "Comment" }).click();
    await commentForm.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
      .toBe("new-comment-resources");
    expect(await amendmentForm.count()).toBe(0);
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("offers a facilitator Comment and Cite a source, and an observer no bar", async () => {
    const { id: planId } = await createPlan();
    const facilitator = await openPlan(planId, ACCOUNTS.facilitator);
    await selectInPassage(facilitator, { ...PASSAGE, text: "resources required" });
    const bar = facilitator.locator("#resources").getByRole("toolbar", { name: "Act on the selected text" });
    await expect(bar.getByRole("button").allTextContents()).resolves.toEqual(["Comment", "Cite a source"]);
    await bar.getByRole("button", { name: "Cite a source" }).click();
    await facilitator.locator("#resources").getByTestId("passage-panel").waitFor();

    const observer = await openPlan(planId, ACCOUNTS.observer);
    await selectInPassage(observer, { ...PASSAGE, text: "resources required" });
    await observer.locator("#resources").getByTestId("passage-panel").waitFor();
    expect(await observer.getByRole("toolbar", { name: "Act on the selected text" }).count()).toBe(0);
    // A reader has nothing to lose by leaving, so the page never asks (dispatchEvent is false when it would).
    expect(await observer.evaluate(() => window.dispatchEvent(new Event("beforeunload", { cancelable: true })))).toBe(
      true,
    );
    await Promise.all([facilitator.context().close(), observer.context().close()]);
  });
});
