/**
 * Axe on every page type for a role (issue 8's accessibility matrix), shared by the four files, one per role,
 * that run side by side: test/e2e/axe-pages-<role>.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createVersion } from "@/lib/versions/create-version";
import { ZCreateVersion } from "@/lib/versions/schemas";
import { ACCOUNTS } from "./accounts";
import { findSeriousViolations } from "./axe";
import { createAmendment, createPlan, createThread, findUser } from "./factories";
import { SEED_DIALOGUE_ID } from "./seed-database";
import type { ServedBrowser } from "./served-app";
import { setUpBrowser, setUpServedApp } from "./served-app";
import { signInWithForm } from "./sign-in";

export type AxeRole = "admin" | "facilitator" | "delegate" | "observer";

const ADMIN_PAGES = ["/admin/users", "/admin/invites", "/admin/audit"];

/**
 * Before the file's tests: a plan of the file's own with a comment and an amendment, so those pages are scanned with
 * something on them. Returns the scan: every page type the role can open, or the given paths without signing in.
 */
export function setUpAxePages(browser: ServedBrowser, hasServer: boolean) {
  let paths: string[] = [];
  beforeAll(async () => {
    if (!hasServer) return;
    const { id: planId } = await createPlan();
    const delegate = await findUser(ACCOUNTS.delegate);
    await createThread({ actor: delegate, planId });
    await createAmendment({ actor: delegate, planId });
    const version = await createVersion({
      actor: await findUser(ACCOUNTS.facilitator),
      planId,
      input: ZCreateVersion.parse({ label: "Rev.1" }),
    });
    const plan = `/plans/${planId}`;
    paths = [
      "/",
      `/dialogues/${SEED_DIALOGUE_ID}`,
      plan,
      ...["coverage", "comments", "amendments", "concerns", "versions", "negotiation", "seeding", "status"].map(
        (p) => `${plan}/${p}`,
      ),
      `${plan}/versions/${version.id}/compilation`,
    ];
  });

  /** Signs in once as the role (or not at all, on `signedOutPaths`), then scans each page in the same context. */
  return async function seriousViolations(role: AxeRole | null, signedOutPaths: string[] = []): Promise<string[]> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const found: string[] = [];
    try {
      if (role) await signInWithForm(page, ACCOUNTS[role]);
      const scanned = role ? [...paths, ...(role === "admin" ? ADMIN_PAGES : [])] : signedOutPaths;
      for (const path of scanned) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        found.push(...(await findSeriousViolations(page)).map((v) => `${path}: ${v}`));
      }
    } finally {
      await context.close();
    }
    return found;
  };
}

/**
 * A file's tests: every page type the role can open, scanned signed in as the role; `signedOut` pages too, without
 * signing in. One call per file, one file per role, so the roles run side by side.
 */
export function describeAxePages(role: AxeRole, { signedOut = [] }: { signedOut?: string[] } = {}): void {
  const { hasServer } = setUpServedApp();
  const seriousViolations = setUpAxePages(setUpBrowser(), hasServer);
  describe.skipIf(!hasServer)(`axe on every page type, for the ${role}`, () => {
    if (signedOut.length)
      it(`finds nothing serious on ${signedOut.join(", ")}, signed out`, async () => {
        expect(await seriousViolations(null, signedOut)).toEqual([]);
      });
    it(`finds nothing serious on any page the ${role} can open`, async () => {
      expect(await seriousViolations(role)).toEqual([]);
    });
  });
}
