/**
 * Cross-site request forgery against `next start`, in Chromium: a signed-in
 * victim opens a page from another origin that posts forms to the app. The
 * attacker's page is on localhost at another port — cross-origin but
 * *same-site*, so SameSite=Lax cookies are sent and only the app's own
 * checks (Origin, application/json, next-auth's CSRF token) stand in the way.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findUser } from "@/test/support/factories";
import { findFreePort } from "@/test/support/free-port";
import { countRows } from "@/test/support/row-counts";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInWithForm } from "@/test/support/sign-in";

// Every forged write here must be refused, so the shared demo plan is enough: nothing lands on it.
const { baseUrl, hasServer, demoPlanId: planId, sessions } = setUpServedApp({ accounts: ["admin"] });
const browser = setUpBrowser();

let victim: BrowserContext;
let evilServer: Server;
let evilOrigin: string;
let observerId: string;
/** The attacker's page for the next request: set by each test. */
let evilHtml = "";

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: observerId } = await findUser(ACCOUNTS.observer));
  const port = await findFreePort();
  evilOrigin = `http://localhost:${port}`;
  evilServer = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end(evilHtml),
  );
  await new Promise<void>((resolve) => evilServer.listen(port, "127.0.0.1", resolve));
  victim = await browser.newContext();
  await signInWithForm(await victim.newPage(), ACCOUNTS.admin);
});
afterAll(() => new Promise((resolve) => evilServer?.close(resolve)));

/** The victim opens the attacker's page, which auto-submits `form`; answers the status the app gave the forged post. */
async function submitForgedForm(form: string, path: string): Promise<number> {
  evilHtml = `<!doctype html><body>${form}<script>document.forms[0].submit()</script></body>`;
  const page: Page = await victim.newPage();
  const answered = page.waitForResponse(
    (response) => new URL(response.url()).pathname === path && response.request().method() === "POST",
  );
  await page.goto(evilOrigin);
  const status = (await answered).status();
  await page.close();
  return status;
}

describe.skipIf(!hasServer)("cross-site request forgery", () => {
  it("refuses a cross-origin form that smuggles JSON into a new comment thread, writing nothing", async () => {
    const before = await countRows(getPrisma());
    const path = `/api/plans/${planId}/threads`;
    // text/plain lets a form send `{"sectionKey":...,"x":"="}`: JSON in all but content type.
    const json =
      '{"sectionKey":"resources","blockId":"resources.should-8","quote":{"exact":"Map the resources required"},"stance":"support","body":"forged","x":"';
    const status = await submitForgedForm(
      `<form method="POST" action="${baseUrl}${path}" enctype="text/plain"><input name='${json}' value='"}'></form>`,
      path,
    );
    expect(status).toBe(403);
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it("refuses a forged JSON request with a foreign Origin (admin user update), and a form-encoded one without Origin (415)", async () => {
    const before = await getPrisma().user.findUniqueOrThrow({ where: { id: observerId } });
    const forged = await sessions.admin.fetch(`/api/admin/users/${observerId}`, {
      method: "PATCH",
      headers: { origin: "http://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ role: "admin" }),
    });
    expect(forged.status).toBe(403);
    const nullOrigin = await sessions.admin.fetch(`/api/admin/users/${observerId}`, {
      method: "PATCH",
      headers: { origin: "null", "content-type": "application/json" },
      body: JSON.stringify({ role: "admin" }),
    });
    expect(nullOrigin.status).toBe(403);
    // What an old browser's form would send, with no Origin at all.
    const form = await sessions.admin.fetch(`/api/plans/${planId}/threads`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "body=forged",
    });
    expect(form.status).toBe(415);
    expect(await getPrisma().user.findUniqueOrThrow({ where: { id: observerId } })).toEqual(before);
  });

  it("does not sign the victim out from a cross-origin form (next-auth's CSRF token)", async () => {
    const before = await countRows(getPrisma());
    await submitForgedForm(
      `<form method="POST" action="${baseUrl}/api/auth/signout"><input name="callbackUrl" value="/"></form>`,
      "/api/auth/signout",
    );
    const page = await victim.newPage();
    await page.goto("/api/auth/session");
    expect(JSON.parse((await page.locator("body").textContent()) ?? "{}")).toMatchObject({
      user: { email: ACCOUNTS.admin },
    });
    await page.close();
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it("does not sign a visitor into the attacker's account from a cross-origin form (login CSRF)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    evilHtml = `<!doctype html><body><form method="POST" action="${baseUrl}/api/auth/callback/credentials">
      <input name="email" value="${ACCOUNTS.delegate}"><input name="password" value="gpa-demo-test-password"><input name="csrfToken" value="guessed">
      </form><script>document.forms[0].submit()</script></body>`;
    await page.goto(evilOrigin);
    await page.waitForLoadState("networkidle");
    await page.goto("/api/auth/session");
    expect(JSON.parse((await page.locator("body").textContent()) ?? "{}")).not.toHaveProperty("user");
    await context.close();
  });
});
