/**
 * The sign-in limits under attack, over HTTP against `next start` and in
 * Chromium. No proxy is trusted (TRUSTED_PROXY_HOPS unset), as on a bare
 * `npm start`. Each HTTP client sends from a loopback address of its own
 * (test/support/loopback-client.ts), which the app must see as its socket
 * address whatever X-Forwarded-For claims; Chromium is 127.0.0.1 (or ::1).
 *
 * The attacks: locking an account's owner out with wrong passwords from
 * elsewhere; spraying many emails from one client; unlimited guessing at one
 * account; racing guesses past the count.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import { createLoopbackFetch } from "@/test/support/loopback-client";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { fetchCsrf, postCredentials, readCookies, signInWithForm } from "@/test/support/sign-in";

const { baseUrl, hasServer } = setUpServedApp();
const browser = setUpBrowser();

/** One client of the app: requests from its own loopback address, a fresh sign-in form each time. */
function clientAt(address: string) {
  const fetcher = createLoopbackFetch(address);
  return {
    fetcher,
    signIn: async (email: string, password: string, forwardedFor?: string) =>
      postCredentials(baseUrl, { email, password, ip: forwardedFor, fetcher, ...(await fetchCsrf(baseUrl, fetcher)) }),
  };
}
type Client = ReturnType<typeof clientAt>;

/** next-auth answers a good sign-in 200 with a URL without `error=`, and sets the session cookie. */
async function expectSignedIn(client: Client, response: Response, email: string): Promise<void> {
  expect(response.status).toBe(200);
  expect(((await response.json()) as { url: string }).url).not.toMatch(/[?&]error=/);
  const session = await client.fetcher(`${baseUrl}/api/auth/session`, { headers: { cookie: readCookies(response) } });
  const userId = ((await session.json()) as { userId?: string }).userId;
  expect(userId).toBe((await getPrisma().user.findUniqueOrThrow({ where: { email } })).id);
}

/** Wrong passwords from `client` until `count` of them were checked (401), waiting out each refusal (429). */
async function failAt(client: Client, email: string, count: number): Promise<void> {
  for (let failed = 0; failed < count;) {
    const response = await client.signIn(email, `wrong-${randomBytes(4).toString("hex")}`);
    if (response.status === 401) failed++;
    else if (response.status === 429) await sleep(retryAfterSeconds(response) * 1000);
    else throw new Error(`a wrong password got ${response.status}`);
  }
}

/** A signed-in-able account only this test uses, so no other test's failures count against it. */
async function createAccount(tag: string): Promise<string> {
  const email = `${tag}-${randomBytes(4).toString("hex")}@test.local`;
  await getPrisma().user.create({
    data: { email, name: tag, role: "observer", passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  return email;
}

function retryAfterSeconds(response: Response): number {
  return Number(response.headers.get("retry-after"));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const unknownEmail = (n: number) => `nobody-${n}-${randomBytes(4).toString("hex")}@example.org`;

describe.skipIf(!hasServer)("sign-in limits over HTTP", () => {
  it("lets the owner sign in at once from a clean client after five wrong passwords for their email from another", async () => {
    const attacker = clientAt("127.0.0.11");
    await failAt(attacker, ACCOUNTS.delegate, 5);
    const owner = clientAt("127.0.0.12");
    await expectSignedIn(owner, await owner.signIn(ACCOUNTS.delegate, DEMO_PASSWORD), ACCOUNTS.delegate);
  });

  it("cuts off a client spraying unknown emails before the twelfth, however it forges X-Forwarded-For", async () => {
    const sprayer = clientAt("127.0.0.13");
    const emails = Array.from({ length: 12 }, (_, n) => unknownEmail(n));
    const statuses: number[] = [];
    for (const [n, email] of emails.entries())
      statuses.push((await sprayer.signIn(email, "Spring2026!", `203.0.113.${n}`)).status);
    expect(statuses).toContain(429);
    const cutOffAt = statuses.indexOf(429);
    expect(cutOffAt).toBeGreaterThan(0);
    expect(cutOffAt).toBeLessThan(11);
    expect(statuses.slice(0, cutOffAt).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(cutOffAt).every((status) => status === 429)).toBe(true);
    // Counted under the socket's address: not the forged ones, and not one shared bucket.
    const recorded = await getPrisma().signInAttempt.findMany({
      where: { email: { in: emails } },
      select: { ip: true },
    });
    expect(new Set(recorded.map((attempt) => attempt.ip))).toEqual(new Set(["127.0.0.13"]));

    // Cut off means cut off: a real account's right password from that client gets the same answer as an unknown email.
    const known = await sprayer.signIn(ACCOUNTS.observer, DEMO_PASSWORD, "198.51.100.7");
    const unknown = await sprayer.signIn(unknownEmail(13), DEMO_PASSWORD);
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(retryAfterSeconds(known)).toBeGreaterThan(0);
    expect(await known.json()).toEqual(await unknown.json());
    // Other clients are not cut off.
    const other = clientAt("127.0.0.17");
    await expectSignedIn(other, await other.signIn(ACCOUNTS.observer, DEMO_PASSWORD), ACCOUNTS.observer);
  });

  it("makes a client failing at one email wait longer and longer, never locking it out", async () => {
    const email = await createAccount("slowed");
    const guesser = clientAt("127.0.0.14");
    const refusals: Response[] = [];
    for (let attempt = 0; attempt < 30 && refusals.length < 3; attempt++) {
      const response = await guesser.signIn(email, `wrong-${attempt}`);
      if (response.status === 401) continue;
      expect(response.status).toBe(429);
      refusals.push(response);
      // A delay, not a lockout: a few seconds at first. The last wait is not waited out yet.
      expect(retryAfterSeconds(refusals[0])).toBeLessThanOrEqual(10);
      if (refusals.length < 3) await sleep(retryAfterSeconds(response) * 1000);
    }
    const waits = refusals.map(retryAfterSeconds);
    expect(waits).toHaveLength(3);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(waits[2]).toBeGreaterThan(waits[1]);
    expect(await refusals[2].json()).toMatchObject({
      message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/),
    });

    // While it waits, even the right password is refused, so a guess in the delay tells nothing …
    const early = await guesser.signIn(email, DEMO_PASSWORD);
    expect(early.status).toBe(429);
    // … and once the wait is over, the right password signs in.
    await sleep(retryAfterSeconds(early) * 1000);
    await expectSignedIn(guesser, await guesser.signIn(email, DEMO_PASSWORD), email);
  });

  it("lets no more failures through from one client when its guesses at many emails race", async () => {
    const racer = clientAt("127.0.0.15");
    const emails = Array.from({ length: 20 }, (_, n) => unknownEmail(100 + n));
    await Promise.all(emails.map((email) => racer.signIn(email, "Summer2026!")));
    const failures = await getPrisma().signInAttempt.count({ where: { email: { in: emails }, succeeded: false } });
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThanOrEqual(10);
  });
});

describe.skipIf(!hasServer)("sign-in limits in Chromium", () => {
  let page: Page;

  it("signs the owner in while an attacker elsewhere is being slowed down at their account", async () => {
    const attacker = clientAt("127.0.0.18");
    await failAt(attacker, ACCOUNTS.bahrain, 5);
    expect((await attacker.signIn(ACCOUNTS.bahrain, "one-more-guess")).status).toBe(429);

    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, ACCOUNTS.bahrain);
    await expect(page.getByTestId("current-user").textContent()).resolves.toContain("delegate · Bahrain");
    await page.context().close();
  });

  it("tells a person who keeps failing how long to wait, the same for an unknown email", async () => {
    page = await (await browser.newContext()).newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(unknownEmail(200));
    // The form's own alert, not Next's route announcer (also role=alert).
    const alert = page.locator("form").getByRole("alert");
    for (let attempt = 0; attempt < 8 && !(await alert.textContent())?.startsWith("Too many"); attempt++) {
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    }
    await expect(alert.textContent()).resolves.toMatch(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/);
    await page.context().close();
  });
});
