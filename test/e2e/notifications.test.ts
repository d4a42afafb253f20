/**
 * The bell in Chromium: the Ecuador delegate opens a thread, the facilitator
 * replies, and the delegate's bell shows it live, keeps it over a reload, and
 * following it marks it read and lands on the thread. Keyboard and axe too.
 * The delegate is an account of the file's own, of a delegation no other
 * file uses (Norway): it counts its unread
 * notifications and disables the account for a moment, which other files
 * signing in as the demo delegate meanwhile must not see.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { DEMO_PASSWORD } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan, createUser } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import type { HttpSession } from "@/test/support/sign-in";
import { signInOverHttp } from "@/test/support/sign-in";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator"] });
const browser = setUpBrowser();
const DELEGATE = `bell.${crypto.randomUUID()}@test.local`;
let planId: string;
let delegate: HttpSession;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  await createUser({ role: "delegate", delegationName: "Norway", email: DELEGATE, password: DEMO_PASSWORD });
  delegate = await signInOverHttp(baseUrl, DELEGATE);
});

describe.skipIf(!hasServer)("the notification bell", () => {
  it("shows the facilitator's reply to the delegate live, keeps it over a reload, and following it marks it read and opens the thread", async () => {
    // The @norway mention of the next test may run first: start from none unread.
    await delegate.fetch("/api/notifications/read", jsonRequest({ all: true }));
    const opened = await delegate.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: "Map the resources required" },
        stance: "question",
        body: "Which resources, exactly?",
      }),
    );
    const { id: threadId, number } = (await opened.json()) as { id: string; number: number };

    const page = await browser.newPage(DELEGATE);
    const bell = page.getByTestId("notification-bell");
    await expect(bell.getAttribute("aria-label")).resolves.toBe("Notifications, none unread");
    // The stream is open before the reply is written, so what follows is a live event, not its first count.
    await page.locator('[data-connection="open"]').waitFor();

    const reply = await sessions.facilitator.fetch(
      `/api/plans/${planId}/threads/${threadId}/comments`,
      jsonRequest({ body: "The ones in the annex." }),
    );
    expect(reply.status).toBe(201);
    // Live, without a reload.
    await page.getByRole("button", { name: "Notifications, 1 unread" }).waitFor({ timeout: 10_000 });
    await expect(page.getByTestId("notification-badge").textContent()).resolves.toBe("1");

    // Keyboard: Enter opens the list, Escape closes it and gives focus back to the bell.
    await bell.focus();
    await page.keyboard.press("Enter");
    const title = `Fatima Facilitator (facilitator) replied to comment ${number}`;
    // A string name matches a part of it: the link also reads out its time.
    const item = page.getByRole("link", { name: `Unread: ${title}` });
    await item.waitFor();
    await expect(bell.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(item.count()).resolves.toBe(0);
    await expect(bell.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    // A reload keeps it.
    await page.reload();
    await page.getByRole("button", { name: "Notifications, 1 unread" }).waitFor();

    // Space opens it too; following the item marks it read and lands on the thread.
    await bell.focus();
    await page.keyboard.press(" ");
    await item.click();
    await page.waitForURL(`${baseUrl}/plans/${planId}#thread-${threadId}`);
    await page.getByRole("button", { name: "Notifications, none unread" }).waitFor();
    const thread = page.locator(`#thread-${threadId}`);
    await thread.waitFor();
    await expect(thread.textContent()).resolves.toContain("The ones in the annex.");
    await page.waitForFunction((id) => document.activeElement?.id === `thread-${id}`, threadId);
    const stored = await getPrisma().notification.findFirstOrThrow({
      where: { resourceId: threadId, user: { email: DELEGATE } },
    });
    expect(stored.readAt).not.toBeNull();
    await page.context().close();
  });

  it("marks all as read from the list", async () => {
    const opened = await sessions.facilitator.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({
        sectionKey: "resources",
        blockId: "resources.should-8",
        quote: { exact: "Map the resources required" },
        stance: "neutral",
        body: "@norway and @bahrain, please look.",
      }),
    );
    expect(opened.status).toBe(201);
    const page = await browser.newPage(DELEGATE);
    const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
    await bell.click();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await page.getByRole("button", { name: "Notifications, none unread" }).waitFor();
    // The list follows (it is fetched again on the stream's news, and may show the state from just before).
    await expect.poll(() => page.getByRole("link", { name: /^Unread: / }).count(), { timeout: 10_000 }).toBe(0);
    expect(await getPrisma().notification.count({ where: { readAt: null, user: { email: DELEGATE } } })).toBe(0);
    await page.context().close();
  });

  it("says it is reconnecting while the live connection is down, and recovers by itself", async () => {
    const page = await browser.newPage(DELEGATE);
    await page.locator('[data-connection="open"]').waitFor();
    // The server ends the stream of a disabled user (at their next news) and refuses the reconnection.
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: DELEGATE } });
    try {
      await getPrisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
      await getPrisma().$executeRaw`SELECT pg_notify('gpa_notifications', ${JSON.stringify({ userIds: [user.id] })})`;
      await page.getByRole("status").filter({ hasText: "Reconnecting…" }).waitFor({ timeout: 15_000 });
    } finally {
      await getPrisma().user.update({ where: { id: user.id }, data: { disabledAt: null } });
    }
    await page.locator('[data-connection="open"]').waitFor({ timeout: 30_000 });
    await expect(page.getByText("Reconnecting…").count()).resolves.toBe(0);
    await page.context().close();
  });
});
