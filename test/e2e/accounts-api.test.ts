/**
 * Every account endpoint over real HTTP against `next start`: refused without
 * a session (401) and for the wrong role (403), accepted for the right role
 * with its audit row written, and bad bodies refused with the field named.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { FREE_FAILURES } from "@/lib/auth/sign-in-limit";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import type { AccountName } from "@/test/support/served-app";
import { setUpServedApp } from "@/test/support/served-app";
import { fetchCsrf, postCredentials, readCookies, signInOverHttp } from "@/test/support/sign-in";
import { anonymousFetch, jsonRequest } from "@/test/support/http";
import { createLoopbackFetch } from "@/test/support/loopback-client";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: Object.keys(ACCOUNTS) as AccountName[] });
const anonymous = anonymousFetch(baseUrl);
const uniqueEmail = (tag: string) => `${tag}-${randomBytes(4).toString("hex")}@example.org`;

async function auditCount(action: string): Promise<number> {
  return getPrisma().auditLog.count({ where: { action } });
}

async function ecuadorId(): Promise<string> {
  return (await getPrisma().delegation.findFirstOrThrow({ where: { name: "Ecuador" } })).id;
}

describe.skipIf(!hasServer)("POST /api/admin/invites", () => {
  it("requires authentication", async () => {
    const response = await anonymous("/api/admin/invites", jsonRequest({ email: uniqueEmail("x"), role: "observer" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
  });

  it.each(["facilitator", "delegate", "observer"] as const)(
    "refuses a %s with 403 and writes nothing",
    async (role) => {
      const email = uniqueEmail(role);
      const response = await sessions[role].fetch("/api/admin/invites", jsonRequest({ email, role: "admin" }));
      expect(response.status).toBe(403);
      expect(await getPrisma().invite.count({ where: { email } })).toBe(0);
    },
  );

  it("lets an admin invite, storing only the token's hash, with an audit row", async () => {
    const before = await auditCount("invite.create");
    const email = uniqueEmail("invitee");
    const response = await sessions.admin.fetch(
      "/api/admin/invites",
      jsonRequest({ email, role: "delegate", delegationId: await ecuadorId() }),
    );
    expect(response.status).toBe(201);
    const { link } = (await response.json()) as { link: string };
    const token = link.split("/invite/")[1];
    const invite = await getPrisma().invite.findFirstOrThrow({ where: { email } });
    expect(invite.tokenHash).not.toContain(token);
    expect(invite.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(await auditCount("invite.create")).toBe(before + 1);
  });

  it("answers 400 naming the field for an invalid body", async () => {
    const bad = await sessions.admin.fetch(
      "/api/admin/invites",
      jsonRequest({ email: "not-an-email", role: "observer" }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid", field: "email" });
    const noDelegation = await sessions.admin.fetch(
      "/api/admin/invites",
      jsonRequest({ email: uniqueEmail("d"), role: "delegate" }),
    );
    expect(await noDelegation.json()).toMatchObject({ error: "invalid", field: "delegationId" });
  });

  it("refuses a form post and a request from another site", async () => {
    const form = await sessions.admin.fetch("/api/admin/invites", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ email: uniqueEmail("csrf"), role: "admin" }),
    });
    expect(form.status).toBe(415);
    const crossSite = await sessions.admin.fetch("/api/admin/invites", {
      ...jsonRequest({ email: uniqueEmail("csrf"), role: "admin" }),
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const opaqueOrigin = await sessions.admin.fetch("/api/admin/invites", {
      ...jsonRequest({ email: uniqueEmail("csrf"), role: "admin" }),
      headers: { "content-type": "application/json", origin: "null" },
    });
    expect(opaqueOrigin.status).toBe(403);
  });

  it("answers 413 for an oversized body", async () => {
    const response = await sessions.admin.fetch(
      "/api/admin/invites",
      jsonRequest({ email: uniqueEmail("big"), role: "observer", pad: "x".repeat(100_000) }),
    );
    expect(response.status).toBe(413);
  });
});

describe.skipIf(!hasServer)("DELETE /api/admin/invites/[id]", () => {
  async function openInvite(): Promise<{ id: string; token: string }> {
    const response = await sessions.admin.fetch(
      "/api/admin/invites",
      jsonRequest({ email: uniqueEmail("revoke"), role: "observer" }),
    );
    const { id, link } = (await response.json()) as { id: string; link: string };
    return { id, token: link.split("/invite/")[1] };
  }

  it("requires authentication and refuses other roles", async () => {
    const { id } = await openInvite();
    expect((await anonymous(`/api/admin/invites/${id}`, { method: "DELETE" })).status).toBe(401);
    for (const role of ["facilitator", "delegate", "observer"] as const) {
      expect((await sessions[role].fetch(`/api/admin/invites/${id}`, { method: "DELETE" })).status).toBe(403);
    }
  });

  it("revokes an open invite, audited, so its link no longer works", async () => {
    const { id, token } = await openInvite();
    expect((await sessions.admin.fetch(`/api/admin/invites/${id}`, { method: "DELETE" })).status).toBe(204);
    expect(await getPrisma().auditLog.count({ where: { action: "invite.revoke", resourceId: id } })).toBe(1);
    expect(
      (await anonymous("/api/invites/accept", jsonRequest({ token, name: "Late", password: "a-long-password" })))
        .status,
    ).toBe(410);
    expect((await sessions.admin.fetch(`/api/admin/invites/${id}`, { method: "DELETE" })).status).toBe(409);
    expect((await sessions.admin.fetch(`/api/admin/invites/no-such-invite`, { method: "DELETE" })).status).toBe(404);
  });
});

describe.skipIf(!hasServer)("POST /api/invites/accept", () => {
  async function invite(role = "observer"): Promise<{ email: string; token: string }> {
    const email = uniqueEmail("accept");
    const response = await sessions.admin.fetch("/api/admin/invites", jsonRequest({ email, role }));
    const { link } = (await response.json()) as { link: string };
    return { email, token: link.split("/invite/")[1] };
  }

  it("creates the account once, with an audit row, and refuses the link the second time", async () => {
    const { email, token } = await invite();
    const first = await anonymous(
      "/api/invites/accept",
      jsonRequest({ token, name: "Ina Invitee", password: "a-long-password" }),
    );
    expect(first.status).toBe(201);
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await getPrisma().auditLog.count({ where: { action: "invite.accept", resourceId: user.id } })).toBe(1);
    const second = await anonymous(
      "/api/invites/accept",
      jsonRequest({ token, name: "Mallory", password: "another-password" }),
    );
    expect(second.status).toBe(409);
    expect((await getPrisma().user.findUniqueOrThrow({ where: { email } })).name).toBe("Ina Invitee");
  });

  it("refuses an unknown token, an expired one and a short password", async () => {
    expect(
      (
        await anonymous(
          "/api/invites/accept",
          jsonRequest({ token: "x".repeat(43), name: "A", password: "a-long-password" }),
        )
      ).status,
    ).toBe(404);
    const { token, email } = await invite();
    const short = await anonymous("/api/invites/accept", jsonRequest({ token, name: "A", password: "short" }));
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ field: "password" });
    await getPrisma().invite.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      (await anonymous("/api/invites/accept", jsonRequest({ token, name: "A", password: "a-long-password" }))).status,
    ).toBe(410);
    expect(await getPrisma().user.count({ where: { email } })).toBe(0);
  });
});

describe.skipIf(!hasServer)("PATCH /api/admin/users/[id]", () => {
  async function observerId(): Promise<string> {
    return (await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.observer } })).id;
  }

  it("requires authentication", async () => {
    expect(
      (await anonymous(`/api/admin/users/${await observerId()}`, jsonRequest({ role: "admin" }, "PATCH"))).status,
    ).toBe(401);
  });

  it.each(["facilitator", "delegate", "observer"] as const)("refuses a %s escalating anyone with 403", async (role) => {
    const target = (await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS[role] } })).id;
    const response = await sessions[role].fetch(`/api/admin/users/${target}`, jsonRequest({ role: "admin" }, "PATCH"));
    expect(response.status).toBe(403);
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id: target } })).role).toBe(role);
  });

  it("lets an admin change a role, with before and after in the audit row", async () => {
    const id = await observerId();
    const response = await sessions.admin.fetch(
      `/api/admin/users/${id}`,
      jsonRequest({ role: "delegate", delegationId: await ecuadorId() }, "PATCH"),
    );
    expect(response.status).toBe(200);
    const entry = await getPrisma().auditLog.findFirstOrThrow({
      where: { action: "user.update", resourceId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(entry.detail).toMatchObject({ before: { role: "observer" }, after: { role: "delegate" } });
    await sessions.admin.fetch(`/api/admin/users/${id}`, jsonRequest({ role: "observer" }, "PATCH"));
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id } })).delegationId).toBeNull();
  });

  it("refuses a delegate without a delegation, and an admin disabling themselves", async () => {
    const bad = await sessions.admin.fetch(
      `/api/admin/users/${await observerId()}`,
      jsonRequest({ role: "delegate", delegationId: null }, "PATCH"),
    );
    expect(bad.status).toBe(400);
    const adminId = (await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.admin } })).id;
    expect(
      (await sessions.admin.fetch(`/api/admin/users/${adminId}`, jsonRequest({ disabled: true }, "PATCH"))).status,
    ).toBe(400);
    expect(
      (await sessions.admin.fetch(`/api/admin/users/no-such-user`, jsonRequest({ disabled: true }, "PATCH"))).status,
    ).toBe(404);
  });
});

describe.skipIf(!hasServer)("sessions", () => {
  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await postCredentials(baseUrl, {
      email: ACCOUNTS.observer,
      password: DEMO_PASSWORD,
      csrfToken,
      cookie: readCookies(csrf),
    });
    expect(response.status).toBe(200);
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(sessionCookie).toMatch(/; HttpOnly/i);
    expect(sessionCookie).toMatch(/; SameSite=Lax/i);
    // Sessions expire: the cookie lives 8 hours.
    const expires = Date.parse(/Expires=([^;]+)/i.exec(sessionCookie!)![1]);
    expect(Math.abs(expires - Date.now() - 8 * 3600 * 1000)).toBeLessThan(120_000);
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.observer } });
    expect(await getPrisma().auditLog.count({ where: { action: "auth.sign_in", userId: user.id } })).toBeGreaterThan(0);
  });

  it("refuses a disabled user's next request although the session cookie is still valid", async () => {
    const email = uniqueEmail("soon-disabled");
    const invite = await sessions.admin.fetch("/api/admin/invites", jsonRequest({ email, role: "observer" }));
    const token = ((await invite.json()) as { link: string }).link.split("/invite/")[1];
    await anonymous("/api/invites/accept", jsonRequest({ token, name: "Soon Disabled", password: "a-long-password" }));
    const victim = await signInOverHttp(baseUrl, email, "a-long-password");
    expect((await victim.fetch("/")).status).toBe(200);
    const id = (await getPrisma().user.findUniqueOrThrow({ where: { email } })).id;
    expect(
      (await sessions.admin.fetch(`/api/admin/users/${id}`, jsonRequest({ disabled: true }, "PATCH"))).status,
    ).toBe(200);
    const page = await victim.fetch("/");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/sign-in");
    expect(
      (await victim.fetch("/api/admin/invites", jsonRequest({ email: uniqueEmail("y"), role: "observer" }))).status,
    ).toBe(401);
    expect(await (await victim.fetch("/api/auth/session")).json()).not.toHaveProperty("user");
  });
});

// The limits' attacks (lockout from elsewhere, spraying, growing delays, racing many emails) are in
// test/security/sign-in-limits.test.ts. Failures here are sent from loopback addresses of their own, so they never
// count against 127.0.0.1, where the other tests sign in.
describe.skipIf(!hasServer)("the sign-in limits cannot be side-stepped", () => {
  it("refuses a JSON body, a repeated email field and an oversized form", async () => {
    const { csrfToken, cookie } = await fetchCsrf(baseUrl);
    const asJson = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ email: ACCOUNTS.observer, password: "x", csrfToken }),
    });
    expect(asJson.status).toBe(415);
    const repeated = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: `email=decoy%40x.org&email=${encodeURIComponent(ACCOUNTS.observer)}&password=x&csrfToken=${csrfToken}&json=true`,
    });
    expect(repeated.status).toBe(400);
    const huge = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: `email=a&password=${"x".repeat(100_000)}`,
    });
    expect(huge.status).toBe(413);
  });

  it("lets only the free failures and one more through when guesses at one email race", async () => {
    const email = ACCOUNTS.facilitator.replace("facilitator@", "racer@");
    const fetcher = createLoopbackFetch("127.0.0.31");
    const forms = await Promise.all(Array.from({ length: 20 }, () => fetchCsrf(baseUrl, fetcher)));
    const answers = await Promise.all(
      forms.map((form) => postCredentials(baseUrl, { email, password: "wrong", fetcher, ...form })),
    );
    // After FREE_FAILURES, one more failure is checked; it sets a delay that refuses the rest.
    expect(await getPrisma().signInAttempt.count({ where: { email, succeeded: false } })).toBe(FREE_FAILURES + 1);
    // Those that raced past the route's check were refused under the lock, and say so.
    const raced = await Promise.all(
      answers
        .filter((answer) => answer.status === 401)
        .map(async (answer) => ((await answer.json()) as { url: string }).url),
    );
    expect(raced.filter((url) => url.includes("error=rate_limited"))).toHaveLength(raced.length - (FREE_FAILURES + 1));
  });
});

describe.skipIf(!hasServer)("the sign-in limits", () => {
  it("answers 429 with Retry-After and how long to wait once a client's failures at an email pass the free ones, and lets other clients through", async () => {
    // An account of its own, so no other test's failures count against it.
    const email = "slowed-down@test.local";
    await getPrisma().user.create({
      data: { email, name: "Slowed Down", role: "observer", passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
    const fetcher = createLoopbackFetch("127.0.0.32");
    for (let i = 0; i <= FREE_FAILURES; i++) {
      const attempt = await postCredentials(baseUrl, {
        email,
        password: `wrong-${i}`,
        fetcher,
        ...(await fetchCsrf(baseUrl, fetcher)),
      });
      expect(attempt.status).toBe(401);
    }
    const blocked = await postCredentials(baseUrl, {
      email,
      password: DEMO_PASSWORD,
      fetcher,
      ...(await fetchCsrf(baseUrl, fetcher)),
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({
      error: "rate_limited",
      message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/),
    });
    // Another client, with the right password: at once.
    await expect(signInOverHttp(baseUrl, email)).resolves.toBeDefined();
    await expect(signInOverHttp(baseUrl, ACCOUNTS.observer)).resolves.toBeDefined();
  });
});

describe.skipIf(!hasServer)("revocation", () => {
  it("refuses a session cookie replayed after its user signed out", async () => {
    const session = await signInOverHttp(baseUrl, ACCOUNTS.observer);
    expect((await session.fetch("/")).status).toBe(200);
    const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const signOut = await session.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(signOut.status).toBe(200);
    expect((await session.fetch("/")).status).toBe(307);
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.observer } });
    expect(await getPrisma().auditLog.count({ where: { action: "auth.sign_out", userId: user.id } })).toBeGreaterThan(
      0,
    );
    sessions.observer = await signInOverHttp(baseUrl, ACCOUNTS.observer);
  });

  it("voids the open invites of an admin who is disabled", async () => {
    const email = uniqueEmail("second-admin");
    const invite = await sessions.admin.fetch("/api/admin/invites", jsonRequest({ email, role: "admin" }));
    const token = ((await invite.json()) as { link: string }).link.split("/invite/")[1];
    await anonymous("/api/invites/accept", jsonRequest({ token, name: "Second Admin", password: "a-long-password" }));
    const second = await signInOverHttp(baseUrl, email, "a-long-password");
    const backdoor = uniqueEmail("backdoor");
    const pending = await second.fetch("/api/admin/invites", jsonRequest({ email: backdoor, role: "admin" }));
    const backdoorToken = ((await pending.json()) as { link: string }).link.split("/invite/")[1];
    const secondId = (await getPrisma().user.findUniqueOrThrow({ where: { email } })).id;
    expect(
      (await sessions.admin.fetch(`/api/admin/users/${secondId}`, jsonRequest({ disabled: true }, "PATCH"))).status,
    ).toBe(200);
    const accepted = await anonymous(
      "/api/invites/accept",
      jsonRequest({ token: backdoorToken, name: "Back Door", password: "a-long-password" }),
    );
    expect(accepted.status).toBe(410);
    expect(await getPrisma().user.count({ where: { email: backdoor } })).toBe(0);
  });
});

describe.skipIf(!hasServer)("pages", () => {
  it("cannot be framed", async () => {
    const response = await anonymous("/sign-in");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it.each([
    "/",
    "/dialogues/2009-05-13-taking-collective-action-to-end-human-trafficking",
    "/admin/users",
    "/admin/invites",
    "/admin/audit",
    "/plans/any-plan/seeding",
  ])("%s sends a signed-out visitor to sign in", async (path) => {
    const response = await anonymous(path);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  });

  it.each(["/admin/users", "/admin/invites", "/admin/audit"])("%s is forbidden to a facilitator", async (path) => {
    const response = await sessions.facilitator.fetch(path);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/forbidden");
  });

  it("filters the audit log for an admin", async () => {
    const response = await sessions.admin.fetch("/admin/audit?action=invite.create");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("invite.create");
    expect(html).not.toContain(">user.update<");
  });
});
