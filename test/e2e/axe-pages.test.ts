/**
 * Every page type, signed in as every role that can open it, scanned with axe in Chromium: no serious or
 * critical violation anywhere (issue 8's accessibility matrix).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createAmendment, createPlan, createThread, findUser } from "@/test/support/factories";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInWithForm } from "@/test/support/sign-in";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
let paths: Record<string, string>;

const ROLES = ["admin", "facilitator", "delegate", "observer"] as const;

beforeAll(async () => {
  if (!hasServer) return;
  // A plan of the file's own with a comment and an amendment, so those pages are scanned with something on them.
  const { id: planId } = await createPlan();
  const delegate = await findUser(ACCOUNTS.delegate);
  await createThread({ actor: delegate, planId });
  await createAmendment({ actor: delegate, planId });
  const p = `/plans/${planId}`;
  paths = {
    home: "/",
    reader: `/dialogues/${SEED_DIALOGUE_ID}`,
    plan: p,
    coverage: `${p}/coverage`,
    comments: `${p}/comments`,
    amendments: `${p}/amendments`,
    concerns: `${p}/concerns`,
    versions: `${p}/versions`,
  };
});

/** Signs in once as the role (or not at all), then scans each path in turn in the same browser context. */
async function seriousViolations(role: (typeof ROLES)[number] | null, paths: string[]): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const found: string[] = [];
  try {
    if (role) await signInWithForm(page, ACCOUNTS[role]);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      found.push(...(await findSeriousViolations(page)).map((v) => `${path}: ${v}`));
    }
  } finally {
    await context.close();
  }
  return found;
}

describe.skipIf(!hasServer)("axe on every page type, for every role", () => {
  it("finds nothing serious on the sign-in page", async () => {
    expect(await seriousViolations(null, ["/sign-in"])).toEqual([]);
  });

  for (const role of ROLES) {
    it(`finds nothing serious for the ${role}`, async () => {
      const adminPages = role === "admin" ? ["/admin/users", "/admin/invites", "/admin/audit"] : [];
      expect(await seriousViolations(role, [...Object.values(paths), ...adminPages])).toEqual([]);
    });
  }
});
