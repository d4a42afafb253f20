/**
 * Password reset links over real HTTP against `next start`: only an admin
 * creates one (401 without a session, 403 for every other role), a link
 * works once, before it expires, while its issuer is still an admin; using
 * it sets the password and ends the user's sessions. Every refusal writes
 * nothing.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { countRows } from "@/test/support/row-counts";
import type { AccountName } from "@/test/support/served-app";
import { setUpServedApp } from "@/test/support/served-app";
import type { HttpSession } from "@/test/support/sign-in";
import { signInOverHttp } from "@/test/support/sign-in";
import { anonymousFetch, jsonRequest } from "@/test/support/http";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: Object.keys(ACCOUNTS) as AccountName[] });
const anonymous = anonymousFetch(baseUrl);
const OLD_PASSWORD = "the-old-password";
const NEW_PASSWORD = "the-new-password";

/** A fresh observer, invited by `inviter` and signed up over HTTP, so each test has an account of its own. */
async function createUser(inviter: HttpSession = sessions.admin): Promise<{ id: string; email: string }> {
  const email = `reset-${randomBytes(4).toString("hex")}@example.org`;
  const invite = await inviter.fetch("/api/admin/invites", jsonRequest({ email, role: "observer" }));
  const token = ((await invite.json()) as { link: string }).link.split("/invite/")[1];
  expect(
    (await anonymous("/api/invites/accept", jsonRequest({ token, name: "Rita Reset", password: OLD_PASSWORD }))).status,
  ).toBe(201);
  return { id: (await getPrisma().user.findUniqueOrThrow({ where: { email } })).id, email };
}

async function createLink(userId: string, admin: HttpSession = sessions.admin): Promise<string> {
  const response = await admin.fetch(`/api/admin/users/${userId}/password-reset`, { method: "POST" });
  expect(response.status).toBe(201);
  return ((await response.json()) as { link: string }).link.split("/reset-password/")[1];
}

async function passwordIs(email: string, password: string): Promise<boolean> {
  return verifyPassword(password, (await getPrisma().user.findUniqueOrThrow({ where: { email } })).passwordHash);
}

describe.skipIf(!hasServer)("POST /api/admin/users/[id]/password-reset", () => {
  it("requires authentication and writes nothing", async () => {
    const { id } = await createUser();
    const before = await countRows(getPrisma());
    const response = await anonymous(`/api/admin/users/${id}/password-reset`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it.each(["facilitator", "delegate", "observer"] as const)(
    "refuses a %s with 403 and writes nothing",
    async (role) => {
      const { id } = await createUser();
      const before = await countRows(getPrisma());
      const response = await sessions[role].fetch(`/api/admin/users/${id}/password-reset`, { method: "POST" });
      expect(response.status).toBe(403);
      expect(await countRows(getPrisma())).toEqual(before);
    },
  );

  it("gives an admin a one-time link, storing only its hash, with an audit row; a newer link voids the older", async () => {
    const { id, email } = await createUser();
    const response = await sessions.admin.fetch(`/api/admin/users/${id}/password-reset`, { method: "POST" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { email: string; expiresAt: string; link: string };
    expect(body.email).toBe(email);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const first = body.link.split("/reset-password/")[1];
    const stored = await getPrisma().passwordReset.findMany({ where: { userId: id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(first);
    expect(await getPrisma().auditLog.count({ where: { action: "user.password-reset.create", resourceId: id } })).toBe(
      1,
    );

    const second = await createLink(id);
    expect(await getPrisma().passwordReset.count({ where: { userId: id } })).toBe(1);
    expect((await anonymous("/api/password-reset", jsonRequest({ token: first, password: NEW_PASSWORD }))).status).toBe(
      404,
    );
    expect(
      (await anonymous("/api/password-reset", jsonRequest({ token: second, password: NEW_PASSWORD }))).status,
    ).toBe(200);
  });

  it("refuses an unknown user with 404 and a disabled one with 409", async () => {
    expect(
      (await sessions.admin.fetch("/api/admin/users/no-such-user/password-reset", { method: "POST" })).status,
    ).toBe(404);
    const { id } = await createUser();
    expect(
      (await sessions.admin.fetch(`/api/admin/users/${id}`, jsonRequest({ disabled: true }, "PATCH"))).status,
    ).toBe(200);
    const before = await countRows(getPrisma());
    const response = await sessions.admin.fetch(`/api/admin/users/${id}/password-reset`, { method: "POST" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toContain("Enable the account");
    expect(await countRows(getPrisma())).toEqual(before);
  });
});

describe.skipIf(!hasServer)("POST /api/password-reset", () => {
  it("sets the new password once, ends the user's sessions, and audits it", async () => {
    const { id, email } = await createUser();
    const signedIn = await signInOverHttp(baseUrl, email, OLD_PASSWORD);
    expect((await signedIn.fetch("/api/notifications")).status).toBe(200);
    const token = await createLink(id);

    const response = await anonymous("/api/password-reset", jsonRequest({ token, password: NEW_PASSWORD }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email });
    expect(await passwordIs(email, NEW_PASSWORD)).toBe(true);
    expect((await signedIn.fetch("/api/notifications")).status).toBe(401);
    expect(await getPrisma().auditLog.count({ where: { action: "user.password-reset.use", resourceId: id } })).toBe(1);
    const fresh = await signInOverHttp(baseUrl, email, NEW_PASSWORD);
    expect((await fresh.fetch("/api/notifications")).status).toBe(200);

    const again = await anonymous("/api/password-reset", jsonRequest({ token, password: "yet-another-password" }));
    expect(again.status).toBe(409);
    expect(await passwordIs(email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses a short password naming the field, an unknown link and an expired one, writing nothing", async () => {
    const { id, email } = await createUser();
    const token = await createLink(id);
    const before = await countRows(getPrisma());

    const short = await anonymous("/api/password-reset", jsonRequest({ token, password: "short" }));
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ field: "password" });
    expect(
      (await anonymous("/api/password-reset", jsonRequest({ token: "x".repeat(43), password: NEW_PASSWORD }))).status,
    ).toBe(404);
    await getPrisma().passwordReset.updateMany({
      where: { userId: id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await anonymous("/api/password-reset", jsonRequest({ token, password: NEW_PASSWORD }))).status).toBe(410);

    expect(await countRows(getPrisma())).toEqual(before);
    expect(await passwordIs(email, OLD_PASSWORD)).toBe(true);
    expect(await getPrisma().passwordReset.count({ where: { userId: id, usedAt: { not: null } } })).toBe(0);
  });

  it("refuses a link whose issuer is no longer an admin, and one for a user disabled since", async () => {
    const secondAdmin = await createUser();
    await sessions.admin.fetch(`/api/admin/users/${secondAdmin.id}`, jsonRequest({ role: "admin" }, "PATCH"));
    const second = await signInOverHttp(baseUrl, secondAdmin.email, OLD_PASSWORD);
    const target = await createUser();
    const token = await createLink(target.id, second);
    await sessions.admin.fetch(`/api/admin/users/${secondAdmin.id}`, jsonRequest({ role: "observer" }, "PATCH"));
    expect((await anonymous("/api/password-reset", jsonRequest({ token, password: NEW_PASSWORD }))).status).toBe(410);
    expect(await passwordIs(target.email, OLD_PASSWORD)).toBe(true);

    const disabled = await createUser();
    const disabledToken = await createLink(disabled.id);
    await sessions.admin.fetch(`/api/admin/users/${disabled.id}`, jsonRequest({ disabled: true }, "PATCH"));
    expect(
      (await anonymous("/api/password-reset", jsonRequest({ token: disabledToken, password: NEW_PASSWORD }))).status,
    ).toBe(410);
    expect(await passwordIs(disabled.email, OLD_PASSWORD)).toBe(true);
  });

  it("shows the reset page for an open link and says why for a used one", async () => {
    const { id, email } = await createUser();
    const token = await createLink(id);
    // React separates adjacent text in server HTML with empty comments.
    const open = (await (await anonymous(`/reset-password/${token}`)).text()).replaceAll("<!-- -->", "");
    expect(open).toContain(`For Rita Reset (${email}).`);
    expect((await anonymous("/api/password-reset", jsonRequest({ token, password: NEW_PASSWORD }))).status).toBe(200);
    expect(await (await anonymous(`/reset-password/${token}`)).text()).toContain(
      "This password reset link has already been used.",
    );
  });
});
