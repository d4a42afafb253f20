/**
 * Security headers on every kind of page and on the API, from `next start`
 * (production): a nonce-based Content-Security-Policy without 'unsafe-eval',
 * frame-ancestors 'none', Referrer-Policy and nosniff — and the live editor
 * still works under that policy in Chromium, with no CSP violation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { createPlan } from "@/test/support/factories";
import { SEED_DIALOGUE_ID as dialogueId } from "@/test/support/seed-database";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInWithForm } from "@/test/support/sign-in";

const { baseUrl, hasServer, collabPort, sessions } = setUpServedApp({ accounts: ["admin"] });
const browser = setUpBrowser();
// The file's own plan: the live editor test types into it.
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

/** The directives of a policy, by name. */
function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(response: Response, path: string): Map<string, string[]> {
  const csp = response.headers.get("content-security-policy");
  expect(csp, path).toBeTruthy();
  expect(csp, path).not.toContain("unsafe-eval");
  const directives = parseCsp(csp!);
  expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(directives.get("object-src"), path).toEqual(["'none'"]);
  const scripts = directives.get("script-src") ?? [];
  expect(scripts, path).toContain("'strict-dynamic'");
  expect(
    scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)),
    path,
  ).toBe(true);
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(directives.get("connect-src"), path).toEqual(["'self'", `ws://localhost:${collabPort}`]);
  expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
  expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
  expect(response.headers.get("x-frame-options"), path).toBe("DENY");
  return directives;
}

describe.skipIf(!hasServer)("security headers", () => {
  it("every page type carries the policy, and its scripts carry that response's nonce", async () => {
    const pages = [
      "/",
      `/dialogues/${dialogueId}`,
      `/plans/${planId}`,
      `/plans/${planId}/coverage`,
      `/plans/${planId}/comments`,
      `/plans/${planId}/amendments`,
      `/plans/${planId}/concerns`,
      `/plans/${planId}/versions`,
      `/plans/${planId}/seeding`,
      "/admin/users",
      "/admin/invites",
      "/admin/audit",
      "/forbidden",
    ];
    const nonces = new Set<string>();
    for (const path of pages) {
      const response = await sessions.admin.fetch(path);
      expect(response.status, path).toBe(200);
      const directives = expectSecurityHeaders(response, path);
      const nonce = directives
        .get("script-src")!
        .find((s) => s.startsWith("'nonce-"))!
        .slice(7, -1);
      nonces.add(nonce);
      const html = await response.text();
      // Every script Next renders must carry this nonce, or the page would not hydrate.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    // A fresh nonce per response.
    expect(nonces.size).toBe(pages.length);
  });

  it("the sign-in page (signed out) and API responses carry the headers too", async () => {
    expectSecurityHeaders(await fetch(`${baseUrl}/sign-in`), "/sign-in");
    expectSecurityHeaders(await sessions.admin.fetch("/api/notifications"), "/api/notifications");
    expectSecurityHeaders(await fetch(`${baseUrl}/api/plans/${planId}/threads`), "/api/plans/[id]/threads (401)");
    expectSecurityHeaders(await fetch(`${baseUrl}/api/auth/csrf`), "/api/auth/csrf");
  });

  it("the plan page's live editor syncs and edits in Chromium with no CSP violation", async () => {
    const violations: string[] = [];
    const context = await browser.newContext();
    // Listen from the first byte of every document, so a violation during hydration is caught too.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/content security policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    await signInWithForm(page, ACCOUNTS.facilitator);
    await page.goto(`/plans/${planId}`);
    await page.locator('#resources [data-testid="save-status"][data-state="saved"]').waitFor();
    // Typing goes through the collab WebSocket (connect-src) and back to "saved".
    const editor = page.locator("#resources .ProseMirror");
    await editor.locator("p").first().click();
    await page.keyboard.type(" CSP check");
    await page.locator('#resources [data-testid="save-status"][data-state="saved"]').waitFor();
    await expect.poll(() => editor.textContent()).toContain("CSP check");
    expect(violations).toEqual([]);
    // Injected markup's inline handler is refused by the same policy (so the listener above does hear
    // violations). A <script> added from page.evaluate would not do: DevTools-inserted scripts bypass CSP.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image" onerror="window.__injected = true">');
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await context.close();
  });
});
