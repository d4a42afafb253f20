/** Signing in for the end-to-end tests: through the real form, or over HTTP like a script would. */
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "./accounts";
import type { LoopbackFetch } from "./loopback-client";

/** Signs in through the sign-in page and waits to land on `expectPath`. */
export async function signInWithForm(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  expectPath = "/",
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === expectPath);
}

/** A cookie jar of one session, for fetch. */
export type HttpSession = { cookie: string; fetch: (path: string, init?: RequestInit) => Promise<Response> };

/** Signs in over HTTP (csrf token, then the credentials callback) and returns a fetch that sends the session. */
export async function signInOverHttp(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  let cookie = readCookies(csrfResponse);
  const response = await postCredentials(baseUrl, { email, password, csrfToken, cookie });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  cookie = mergeCookies(cookie, readCookies(response));
  return {
    cookie,
    fetch: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, { ...init, redirect: "manual", headers: { ...init.headers, cookie } }),
  };
}

/** A collab token for the session's user, as the plan page gets one (POST /api/collab/token). */
export async function fetchCollabToken(session: HttpSession): Promise<string> {
  const response = await session.fetch("/api/collab/token", { method: "POST" });
  if (response.status !== 200) throw new Error(`no collab token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A CSRF token and the cookie it belongs to, as the sign-in form gets them; `fetcher` picks the client. */
export async function fetchCsrf(
  baseUrl: string,
  fetcher: LoopbackFetch = fetch,
): Promise<{ csrfToken: string; cookie: string }> {
  const response = await fetcher(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: readCookies(response) };
}

/** The sign-in form's post. `ip` forges X-Forwarded-For; `fetcher` sends it from another client (see loopback-client.ts). */
export async function postCredentials(
  baseUrl: string,
  {
    email,
    password,
    csrfToken,
    cookie,
    ip,
    callbackUrl = baseUrl,
    isJson = true,
    fetcher = fetch,
  }: {
    email: string;
    password: string;
    csrfToken: string;
    cookie: string;
    ip?: string;
    callbackUrl?: string;
    isJson?: boolean;
    fetcher?: LoopbackFetch;
  },
): Promise<Response> {
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl });
  // With json=true next-auth answers 200 and the URL in the body; without, it redirects as it would a plain form.
  if (isJson) form.set("json", "true");
  return fetcher(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...(ip ? { "x-forwarded-for": ip } : {}) },
    body: form.toString(),
  });
}

export function readCookies(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function mergeCookies(a: string, b: string): string {
  const jar = new Map<string, string>();
  for (const pair of [...a.split("; "), ...b.split("; ")].filter(Boolean)) jar.set(pair.split("=")[0], pair);
  return [...jar.values()].join("; ");
}
