/**
 * Every page type, signed in as every role that can open it, scanned with axe in Chromium: no serious or
 * critical violation anywhere (issue 8's accessibility matrix).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { launchChromium } from "@/test/support/chromium";
import { signInWithForm } from "@/test/support/sign-in";
import { findSeriousViolations } from "@/test/support/axe";

const baseUrl = inject("baseUrl");
const hasServer = inject("hasBrowser");
let browser: Browser;
let paths: Record<string, string>;

const ROLES = ["admin", "facilitator", "delegate", "observer"] as const;

beforeAll(async () => {
  if (!hasServer) return;
  process.env.DATABASE_URL = inject("databaseUrl");
  const plan = await getPrisma().plan.findFirstOrThrow({ select: { id: true, dialogueId: true } });
  const p = `/plans/${plan.id}`;
  paths = {
    home: "/",
    reader: `/dialogues/${plan.dialogueId}`,
    plan: p,
    coverage: `${p}/coverage`,
    comments: `${p}/comments`,
    amendments: `${p}/amendments`,
    concerns: `${p}/concerns`,
    versions: `${p}/versions`,
  };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await disconnectPrisma();
});

/** Signs in once as the role (or not at all), then scans each path in turn in the same browser context. */
async function seriousViolations(role: (typeof ROLES)[number] | null, paths: string[]): Promise<string[]> {
  const context = await browser.newContext({ baseURL: baseUrl });
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
