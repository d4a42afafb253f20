/** Signing in, invites and disabled users, as people see them in Chromium. */
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createUser } from "@/test/support/factories";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInWithForm } from "@/test/support/sign-in";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();

describe.skipIf(!hasServer)("sign-in, invites and disabled users in Chromium", () => {
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext();
    page = await context.newPage();
  });

  it("shows an error for a wrong password and stays on the sign-in page", async () => {
    // An account of its own: a failure at a demo account would slow down other files signing in as it meanwhile.
    const { email } = await createUser({ role: "delegate", delegationName: "Ecuador", password: DEMO_PASSWORD });
    await page.goto("/");
    await page.waitForURL(/\/sign-in\?callbackUrl=%2F$/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor(),
    ).resolves.toBeUndefined();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("lands on the home page with the user's name and role, and signs out", async () => {
    await signInWithForm(page, ACCOUNTS.delegate);
    const who = page.getByTestId("current-user");
    await expect(who.textContent()).resolves.toBe("Diego Delegate (Ecuador) delegate · Ecuador");
    await expect(page.getByRole("link", { name: "Admin" }).count()).resolves.toBe(0);
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto("/");
    await page.waitForURL(/\/sign-in/);
  });

  /** As the admin on `page`: invites `email` through the Invites page and returns the one-time link. */
  async function inviteThroughAdminPage(email: string, role: string, delegation?: string): Promise<string> {
    await signInWithForm(page, ACCOUNTS.admin);
    await page.goto("/admin/invites");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role").selectOption(role);
    if (delegation) await page.getByLabel("Delegation").selectOption({ label: delegation });
    await page.getByRole("button", { name: "Create invite" }).click();
    return (await page.getByTestId("invite-link").textContent())!;
  }

  /** In a browser of their own, the invitee opens the link and sets a name and password. */
  async function acceptInBrowser(link: string, name: string, check?: (invitee: Page) => Promise<void>): Promise<Page> {
    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(link);
    await check?.(invitee);
    await invitee.getByLabel("Your name").fill(name);
    await invitee.getByLabel("Choose a password").fill("a-long-password");
    await invitee.getByRole("button", { name: "Create account" }).click();
    await invitee.getByRole("status").filter({ hasText: "Your account is ready." }).waitFor();
    return invitee;
  }

  it("lets an invite link be used once and refuses it the second time", async () => {
    const email = `new-delegate-${Date.now()}@example.org`;
    const link = await inviteThroughAdminPage(email, "delegate", "Bahrain, 2009");
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const invitee = await acceptInBrowser(link, "Noor New", async (p) => {
      await expect(p.getByText(`${email} is invited as delegate of Bahrain.`).count()).resolves.toBe(1);
    });

    await invitee.goto(link);
    await invitee.getByRole("alert").filter({ hasText: "This invite link has already been used." }).waitFor();
    await signInWithForm(invitee, email, "a-long-password");
    await expect(invitee.getByTestId("current-user").textContent()).resolves.toContain("Noor New delegate · Bahrain");
    await invitee.context().close();
  });

  it("signs a disabled user out on their next navigation", async () => {
    const email = `to-disable-${Date.now()}@example.org`;
    const victim = await acceptInBrowser(await inviteThroughAdminPage(email, "observer"), "Victor Victim");
    await signInWithForm(victim, email, "a-long-password");

    await page.goto("/admin/users");
    await page.getByRole("button", { name: `Disable ${email}` }).click();
    await page.getByRole("button", { name: `Enable ${email}` }).waitFor();

    await victim.getByRole("link", { name: "Dialogues" }).click();
    await victim.waitForURL(/\/sign-in/);
    // The right password no longer signs them in either.
    await victim.getByLabel("Email").fill(email);
    await victim.getByLabel("Password").fill("a-long-password");
    await victim.getByRole("button", { name: "Sign in" }).click();
    await victim.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor();
    await victim.context().close();
  });

  it("lets an admin hand out a password reset link that sets a new password once and signs out the old sessions", async () => {
    const email = `forgetful-${Date.now()}@example.org`;
    const user = await acceptInBrowser(await inviteThroughAdminPage(email, "observer"), "Fay Forgetful");
    await signInWithForm(user, email, "a-long-password");

    await page.goto("/admin/users");
    await page.getByRole("button", { name: `Password reset link for ${email}` }).click();
    const link = (await page.getByTestId("password-reset-link").textContent())!;
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await other.getByText(`For Fay Forgetful (${email}).`).waitFor();
    expect(await findSeriousViolations(other)).toEqual([]);
    await other.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
    await other.getByLabel("New password again").fill("a-different-password");
    await other.getByRole("button", { name: "Set new password" }).click();
    await other.getByRole("alert").filter({ hasText: "The two passwords differ." }).waitFor();
    await other.getByLabel("New password again").fill("a-brand-new-password");
    await other.getByRole("button", { name: "Set new password" }).click();
    await other.getByRole("status").filter({ hasText: "Your password is changed." }).waitFor();

    // The session signed in with the old password has ended.
    await user.getByRole("link", { name: "Dialogues" }).click();
    await user.waitForURL(/\/sign-in/);
    await user.getByLabel("Email").fill(email);
    await user.getByLabel("Password").fill("a-long-password");
    await user.getByRole("button", { name: "Sign in" }).click();
    await user.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor();
    await signInWithForm(user, email, "a-brand-new-password");
    await expect(user.getByTestId("current-user").textContent()).resolves.toContain("Fay Forgetful");

    await other.goto(link);
    await other.getByRole("alert").filter({ hasText: "This password reset link has already been used." }).waitFor();
    await user.context().close();
    await other.context().close();
  });

  it("has no serious or critical axe violations on the sign-in and admin pages", async () => {
    const failures: string[] = [];
    const scan = async (path: string) => {
      await page.goto(path);
      failures.push(...(await findSeriousViolations(page)).map((v) => `${path}: ${v}`));
    };
    await scan("/sign-in");
    await signInWithForm(page, ACCOUNTS.admin);
    for (const path of ["/admin/users", "/admin/invites", "/admin/audit"]) await scan(path);
    expect(failures).toEqual([]);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ACCOUNTS.observer.replace("observer", "nobody"));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor();
  });
});
