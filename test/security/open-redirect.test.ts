/**
 * Open redirects through the sign-in callback URL, against `next start`:
 * "/.//evil.example" looks like a path but resolves to "//evil.example",
 * which a browser reads as another host. Every redirect the app or
 * next-auth issues for a hostile callbackUrl — the sign-in page for a
 * signed-in user, next-auth's sign-in bounce and its credentials callback —
 * must stay on our origin, and so must the browser after a real sign-in.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import { OFF_SITE_CALLBACKS } from "@/test/support/hostile-urls";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { postCredentials, readCookies } from "@/test/support/sign-in";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["admin"] });
const browser = setUpBrowser();
/** More hops than any honest chain takes (sign-in → callback → page). */
const MAX_HOPS = 5;

/**
 * A URL the app sends someone to must be on our origin, and its path must
 * not start with "//" or "/\": such a path is one relative redirect away
 * from another host.
 */
function expectOnSite(target: string, label: string): void {
  const url = new URL(target, baseUrl);
  expect(url.origin, `${label}: ${target}`).toBe(new URL(baseUrl).origin);
  expect(url.pathname, `${label}: ${target}`).not.toMatch(/^\/[/\\]/);
}

/** Follows `path`'s redirects by hand with `fetch`, checking every Location on the way. */
async function expectRedirectsOnSite(fetch: (path: string) => Promise<Response>, path: string): Promise<void> {
  let next = path;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const response = await fetch(next);
    const location = response.headers.get("location");
    if (!location) return;
    expectOnSite(location, `${path} (hop ${hop + 1})`);
    const url = new URL(location, baseUrl);
    next = `${url.pathname}${url.search}`;
  }
}

function signInPage(callbackUrl: string, prefix = "/sign-in"): string {
  return `${prefix}?${new URLSearchParams({ callbackUrl })}`;
}

/** A real sign-in over HTTP (CSRF token, then the credentials callback) carrying `callbackUrl`. */
async function signInWithCallback(callbackUrl: string, isJson: boolean): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return postCredentials(baseUrl, {
    email: ACCOUNTS.observer,
    password: DEMO_PASSWORD,
    csrfToken,
    cookie: readCookies(csrf),
    callbackUrl,
    isJson,
  });
}

describe.skipIf(!hasServer)("open redirects through the sign-in callback URL", () => {
  it.each(OFF_SITE_CALLBACKS)(
    "the sign-in page keeps a signed-in user on site for callbackUrl=%j",
    async (callbackUrl) => {
      await expectRedirectsOnSite(sessions.admin.fetch, signInPage(callbackUrl));
    },
  );

  it.each(OFF_SITE_CALLBACKS)("next-auth's sign-in bounce stays on site for callbackUrl=%j", async (callbackUrl) => {
    const anonymous = (path: string) => fetch(`${baseUrl}${path}`, { redirect: "manual" });
    await expectRedirectsOnSite(anonymous, signInPage(callbackUrl, "/api/auth/signin"));
    const response = await anonymous(signInPage(callbackUrl, "/api/auth/signin"));
    // next-auth remembers the callback in a cookie and falls back to it on the next sign-in.
    const remembered = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.callback-url="));
    if (remembered)
      expectOnSite(decodeURIComponent(remembered.split(";")[0].split("=")[1]), "next-auth.callback-url cookie");
  });

  it.each(OFF_SITE_CALLBACKS)(
    "signing in with the right password redirects on site for callbackUrl=%j",
    async (callbackUrl) => {
      const form = await signInWithCallback(callbackUrl, false);
      expect(form.status).toBe(302);
      expectOnSite(form.headers.get("location")!, "Location");
      const json = await signInWithCallback(callbackUrl, true);
      expect(json.status).toBe(200);
      expectOnSite(((await json.json()) as { url: string }).url, "url in the JSON answer");
    },
  );

  describe("in Chromium", () => {
    it("signs in through the real form from /sign-in?callbackUrl=/.//evil.example/phish and stays on our origin", async () => {
      const context = await browser.newContext();
      // evil.example does not resolve here: answer for it, so a redirect there would visibly land.
      let offSiteRequests = 0;
      await context.route(
        (url) => url.hostname === "evil.example",
        (route) => {
          offSiteRequests++;
          return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>phished</h1>" });
        },
      );
      const page = await context.newPage();
      await page.goto(signInPage("/.//evil.example/phish"));
      await page.getByLabel("Email").fill(ACCOUNTS.delegate);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in");
      await page.waitForLoadState("load");
      expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
      expect(offSiteRequests).toBe(0);
      // The password really worked: the session names the user.
      const session = await context.request.get("/api/auth/session");
      expect(await session.json()).toMatchObject({ user: { email: ACCOUNTS.delegate } });
      await context.close();
    });
  });
});
