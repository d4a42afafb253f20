/**
 * Passwords never travel in an address. Before a page's script has run (a
 * slow connection, a blocked script), a form submits itself the browser's
 * way: without a method that is a GET, and the password would land in the
 * address bar, the history, the server's logs and the Referer of the next
 * page. Chromium with JavaScript off submits the sign-in form and a
 * password-reset form; no request may carry the password in its URL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer, sessions } = setUpServedApp({ accounts: ["admin"] });
const browser = setUpBrowser();

/** A page with scripts off that records the URL of every request it makes. */
async function pageWithoutScripts(): Promise<{ page: Page; urls: string[] }> {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return { page, urls };
}

describe.skipIf(!hasServer)("forms with a password, before their script runs", () => {
  it("sign-in posts, so the password stays out of every address", async () => {
    const { page, urls } = await pageWithoutScripts();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ACCOUNTS.observer);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: /sign in/i }).click()]);
    await page.waitForLoadState("load");
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(decodeURIComponent(url)).not.toContain(DEMO_PASSWORD);
    await page.context().close();
  });

  it("a password reset posts, so the new password stays out of every address", async () => {
    const observer = await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.observer } });
    const issued = await sessions.admin.fetch(`/api/admin/users/${observer.id}/password-reset`, { method: "POST" });
    expect(issued.status).toBe(201);
    const link = new URL(((await issued.json()) as { link: string }).link);
    const { page, urls } = await pageWithoutScripts();
    await page.goto(link.pathname);
    const secret = "Never-in-a-URL-42";
    await page.getByLabel("New password", { exact: true }).fill(secret);
    await page.getByLabel("New password again").fill(secret);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Set new password" }).click()]);
    await page.waitForLoadState("load");
    for (const url of urls) expect(decodeURIComponent(url)).not.toContain(secret);
    await page.context().close();
  });
});
