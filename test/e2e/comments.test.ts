/** Comments in Chromium, as two users: a delegate comments on selected text, the facilitator sees it live and replies, the delegate sees the reply live. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { launchChromium } from "@/test/support/chromium";
import { openPlanAs as openPlanWith, selectInPassage as selectText } from "@/test/support/plan-page";

const baseUrl = inject("baseUrl");
const hasServer = inject("hasBrowser");
let planId: string;
let browser: Browser;

beforeAll(async () => {
  if (!hasServer) return;
  process.env.DATABASE_URL = inject("databaseUrl");
  planId = (await getPrisma().plan.findFirstOrThrow()).id;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await disconnectPrisma();
});

function openPlanAs(email: string): Promise<Page> {
  return openPlanWith(browser, { baseUrl, planId, email });
}

function selectInPassage(page: Page, blockId: string, text: string): Promise<void> {
  return selectText(page, { sectionKey: "resources", blockId, text });
}

describe.skipIf(!hasServer)("comments in the browser", () => {
  it("a delegate comments, the facilitator sees it live and replies, the delegate sees the reply live; markup stays inert", async () => {
    const [delegate, facilitator] = await Promise.all([openPlanAs(ACCOUNTS.delegate), openPlanAs(ACCOUNTS.facilitator)]);
    const dialogs: string[] = [];
    for (const page of [delegate, facilitator]) page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await selectInPassage(delegate, "resources.should-8", "resources required");
    const form = delegate.getByRole("form", { name: "New comment on the selected text" });
    await form.getByLabel("Stance").selectOption("support");
    const body = 'Ecuador supports mapping resources. <img src=x onerror="alert(1)">';
    await form.getByLabel("Your comment").fill(body);
    await form.getByRole("button", { name: "Comment" }).click();

    // Live for the facilitator: the thread, attributed to Ecuador, and the mark on the quoted text.
    const thread = facilitator.locator("#resources [data-testid=comment-thread]", { hasText: "Ecuador supports mapping resources." });
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
    await delegate.locator("#resources [data-testid=comment-thread]", { hasText: "Thank you, Ecuador" }).waitFor({ timeout: 10_000 });
    expect(dialogs).toEqual([]);
    const stored = await getPrisma().comment.findFirstOrThrow({ where: { body } });
    expect(stored.body).toBe(body);
    await Promise.all([delegate.context().close(), facilitator.context().close()]);
  });

  it("offers an observer no way to comment or reply", async () => {
    const observer = await openPlanAs(ACCOUNTS.observer);
    await observer.locator("#resources").getByRole("region", { name: /^Comments on/ }).or(observer.locator('#resources section[aria-label^="Comments on"]')).first().waitFor();
    await expect(observer.getByText("Select text in this section to comment on it.").count()).resolves.toBe(0);
    await expect(observer.getByRole("button", { name: /^Reply/ }).count()).resolves.toBe(0);
    await observer.context().close();
  });
});
