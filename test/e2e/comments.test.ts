/** Comments in Chromium, as two users: a delegate comments on selected text, the facilitator sees it live and replies, the delegate sees the reply live. */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import type { JSONContent } from "@tiptap/core";
import { readPassages } from "@/lib/editor/passages";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan } from "@/test/support/factories";
import { openPlanAs as openPlanWith, selectInPassage as selectText } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInOverHttp } from "@/test/support/sign-in";

const { baseUrl, hasServer } = setUpServedApp();
const browser = setUpBrowser();
// One plan for the file: the plan-wide list counts the threads the margin test opened.
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

function openPlanAs(email: string): Promise<Page> {
  return openPlanWith(browser, { planId, email });
}

function selectInPassage(page: Page, blockId: string, text: string): Promise<void> {
  return selectText(page, { sectionKey: "resources", blockId, text });
}

describe.skipIf(!hasServer)("comments in the browser", () => {
  it("a delegate comments, the facilitator sees it live and replies, the delegate sees the reply live; markup stays inert", async () => {
    const [delegate, facilitator] = await Promise.all([
      openPlanAs(ACCOUNTS.delegate),
      openPlanAs(ACCOUNTS.facilitator),
    ]);
    const dialogs: string[] = [];
    for (const page of [delegate, facilitator])
      page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await selectInPassage(delegate, "resources.should-8", "resources required");
    await delegate
      .getByRole("toolbar", { name: "Act on the selected text" })
      .getByRole("button", { name: "Comment" })
      .click();
    const form = delegate.getByRole("form", { name: "New comment on the selected text" });
    await form.getByLabel("Stance").selectOption("support");
    const body = 'Ecuador supports mapping resources. <img src=x onerror="alert(1)">';
    await form.getByLabel("Your comment").fill(body);
    await form.getByRole("button", { name: "Comment" }).click();

    // Live for the facilitator: the thread, attributed to Ecuador, and the mark on the quoted text.
    const thread = facilitator.locator("#resources [data-testid=comment-thread]", {
      hasText: "Ecuador supports mapping resources.",
    });
    await thread.waitFor({ timeout: 10_000 });
    await expect(thread.textContent()).resolves.toContain("Ecuador");
    await expect(thread.textContent()).resolves.toContain('<img src=x onerror="alert(1)">');
    await facilitator.locator("#resources .ProseMirror .comment-mark", { hasText: "resources required" }).waitFor();

    // The panel's filters: by stance and by delegation.
    const panel = facilitator.locator('#resources section[aria-label^="Comments on"]');
    await panel.getByRole("combobox", { name: /^Stance/ }).selectOption("oppose");
    await expect(thread.count()).resolves.toBe(0);
    await panel.getByRole("combobox", { name: /^Stance/ }).selectOption("any");
    await panel.getByRole("combobox", { name: /^Delegation/ }).selectOption({ label: "Ecuador" });
    await thread.waitFor();

    await thread.getByLabel(/^Reply to comment \d+$/).fill("Thank you, Ecuador: noted for the next draft.");
    await thread.getByRole("button", { name: /^Reply to comment/ }).click();
    await delegate
      .locator("#resources [data-testid=comment-thread]", { hasText: "Thank you, Ecuador" })
      .waitFor({ timeout: 10_000 });
    expect(dialogs).toEqual([]);
    const stored = await getPrisma().comment.findFirstOrThrow({ where: { body } });
    expect(stored.body).toBe(body);
    await Promise.all([delegate.context().close(), facilitator.context().close()]);
  });

  it("offers an observer no way to comment or reply", async () => {
    const observer = await openPlanAs(ACCOUNTS.observer);
    await observer
      .locator("#resources")
      .getByRole("region", { name: /^Comments on/ })
      .or(observer.locator('#resources section[aria-label^="Comments on"]'))
      .first()
      .waitFor();
    await expect(observer.getByText("Select text in this section to comment on it.").count()).resolves.toBe(0);
    await expect(observer.getByRole("button", { name: /^Reply/ }).count()).resolves.toBe(0);
    await observer.context().close();
  });

  it("sits the comments in the margin beside the text, each level with its marked text unless the card above is in the way", async () => {
    // A section no other test in this file comments on; threads on its first and last passages, opened over HTTP.
    const section = await getPrisma().planSection.findFirstOrThrow({
      where: { planId, key: "cooperation" },
      select: { content: true },
    });
    const blocks = readPassages(section.content as JSONContent).filter((b) => b.text.split(" ").length > 2);
    const delegate = await signInOverHttp(baseUrl, ACCOUNTS.delegate);
    for (const [block, stance] of [
      [blocks[0], "question"],
      [blocks.at(-1)!, "oppose"],
    ] as const) {
      const quote = { exact: block.text.split(" ").slice(0, 2).join(" ") };
      const response = await delegate.fetch(`/api/plans/${planId}/threads`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          sectionKey: "cooperation",
          blockId: block.blockId,
          quote,
          stance,
          body: `Ecuador on ${block.blockId}.`,
        }),
      });
      expect(response.status).toBe(201);
    }
    const page = await openPlanWith(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: "cooperation" });
    const cards = page.locator("#cooperation [data-thread-card]");
    await expect
      .poll(() => page.locator("#cooperation .ProseMirror .comment-mark").count(), { timeout: 10_000 })
      .toBe(2);
    await expect.poll(() => cards.count()).toBe(2);
    const text = (await page.locator("#cooperation .ProseMirror").boundingBox())!;
    // Level with the marks once the layout settles: card i's top = max(its mark's top, the card above's bottom + 8),
    // the first one no higher than the list (the panel's title and filters sit above it).
    await expect
      .poll(
        async () => {
          let floor = (await page.locator("#cooperation ol:has(> [data-thread-card])").boundingBox())!.y;
          const misplaced: string[] = [];
          for (let i = 0; i < 2; i++) {
            const card = cards.nth(i);
            const id = (await card.getAttribute("data-thread-card"))!;
            const box = (await card.locator("article").boundingBox())!;
            const mark = (await page.locator(`#cooperation .comment-mark[data-thread-ids~="${id}"]`).boundingBox())!;
            if (box.x < text.x + text.width) misplaced.push(`card ${i} is not beside the text`);
            if (Math.abs(box.y - Math.max(mark.y, floor)) > 3)
              misplaced.push(`card ${i} at ${box.y}, mark at ${mark.y}, floor ${floor}`);
            // The last passage is far enough down that its card must have moved to meet it: stacking alone would fail here.
            if (i === 1 && mark.y <= floor)
              misplaced.push("the second mark is not below the first card, so this checks nothing");
            floor = box.y + box.height + 8;
          }
          return misplaced;
        },
        { timeout: 5_000 },
      )
      .toEqual([]);
    await page.context().close();
  });

  it("lists every visible thread of the plan on one page, filterable by section and stance", async () => {
    const page = await openPlanWith(browser, { planId, email: ACCOUNTS.observer, sectionKey: "cooperation" });
    await page.goto(`/plans/${planId}/comments`);
    await page.getByRole("heading", { name: "Comments", level: 1 }).waitFor();
    await page.getByLabel("Section").selectOption("cooperation");
    await page.getByLabel("Stance").selectOption("oppose");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/section=cooperation.*stance=oppose/);
    const threads = page.getByTestId("comment-thread");
    await expect(threads.count()).resolves.toBe(1);
    await expect(threads.first().textContent()).resolves.toContain("Opposes");
    await expect(page.getByRole("button", { name: /^Reply/ }).count()).resolves.toBe(0);
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("lets a delegate comment from the keyboard alone: Tab to the text, arrows to a passage, Enter opens it", async () => {
    const page = await openPlanWith(browser, { planId, email: ACCOUNTS.delegate, sectionKey: "recommended-actions" });
    const isFocused = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    const textSelector = '#recommended-actions [aria-label$="arrow keys move between passages, Enter opens one"]';
    for (let i = 0; i < 200 && !(await isFocused(textSelector)); i++) await page.keyboard.press("Tab");
    expect(await isFocused(textSelector)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const passage = page.locator("#recommended-actions .passage-focused");
    const passageText = (
      await passage.evaluate((element) => {
        const clone = element.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[contenteditable="false"]').forEach((e) => e.remove());
        return clone.textContent ?? "";
      })
    ).trim();
    await page.keyboard.press("Enter");
    await expect.poll(() => isFocused('#recommended-actions [data-testid="passage-panel"]')).toBe(true);
    // The passage's panel offers what the reader may do with the whole passage; Comment opens the form, focused.
    const commentAction = '#recommended-actions [data-testid="selection-actions"] button:first-child';
    for (let i = 0; i < 20 && !(await isFocused(commentAction)); i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Comment");
    await page.keyboard.press("Enter");
    await expect.poll(() => isFocused("#new-comment-recommended-actions")).toBe(true);
    await page.keyboard.type("Ecuador asks for timelines here.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const thread = page.locator("#recommended-actions [data-testid=comment-thread]", {
      hasText: "Ecuador asks for timelines here.",
    });
    await thread.waitFor({ timeout: 10_000 });
    expect(await thread.textContent()).toContain(passageText);
    const stored = await getPrisma().commentThread.findFirstOrThrow({
      where: { planId, comments: { some: { body: "Ecuador asks for timelines here." } } },
    });
    expect(stored.quoteExact).toBe(passageText);
    await page.context().close();
  });

  /** An observer's plan-wide comments page, once its live stream is open. */
  async function openLiveCommentsPage(): Promise<Page> {
    const page = await openPlanWith(browser, { planId, email: ACCOUNTS.observer, sectionKey: "timeframe" });
    await page.goto(`/plans/${planId}/comments`);
    await page
      .getByTestId("live-status")
      .filter({ hasText: "Live: new comments appear here" })
      .waitFor({ timeout: 10_000 });
    return page;
  }

  /** The Ecuador delegate opens a thread on "resources" over HTTP, as another browser would. */
  async function postThreadAsDelegate(body: string): Promise<void> {
    const delegate = await signInOverHttp(baseUrl, ACCOUNTS.delegate);
    const posted = await delegate.fetch(`/api/plans/${planId}/threads`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: "Map the resources required" },
        stance: "question",
        body,
      }),
    });
    expect(posted.status).toBe(201);
  }

  it("the plan-wide comments page shows a new comment live, without a reload", async () => {
    const page = await openLiveCommentsPage();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await postThreadAsDelegate("Ecuador asks, live on the comments page.");
    await page
      .getByTestId("comment-thread")
      .filter({ hasText: "Ecuador asks, live on the comments page." })
      .waitFor({ timeout: 5_000 });
    await page
      .getByTestId("live-status")
      .filter({ hasText: /Live: updated at/ })
      .waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.context().close();
  });

  it("a comments page in a hidden tab lets its stream go, and catches up when shown again", async () => {
    const page = await openLiveCommentsPage();
    const setVisibility = (state: "hidden" | "visible") =>
      page.evaluate((value) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
        document.dispatchEvent(new Event("visibilitychange"));
      }, state);

    await setVisibility("hidden");
    await page.locator('[data-testid="live-status"][data-connection="paused"]').waitFor({ timeout: 25_000 });
    const body = "Posted while the tab was hidden.";
    await postThreadAsDelegate(body);
    const thread = page.getByTestId("comment-thread").filter({ hasText: body });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await expect(thread.count()).resolves.toBe(0); // the stream is closed: nothing arrives while hidden

    await setVisibility("visible");
    // The page renders itself again on the server once the stream is back: seconds on a loaded CI machine.
    await thread.waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="live-status"][data-connection="open"]').waitFor();
    await page.context().close();
  });
});
