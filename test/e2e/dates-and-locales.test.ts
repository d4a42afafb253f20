/**
 * Dates in Chromium under other locales and time zones: the comments and
 * amendments pages hydrate without React's error #418 (the server's text
 * and the browser's must match), and every date reads one way,
 * "6 Dec 2026, 03:23 UTC", whatever the reader's settings.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { launchChromium } from "@/test/support/chromium";
import { jsonRequest } from "@/test/support/http";
import { signInOverHttp, signInWithForm } from "@/test/support/sign-in";

const baseUrl = inject("baseUrl");
const hasServer = inject("hasBrowser");
let planId: string;
let browser: Browser;

const DAY_AND_TIME = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/;

beforeAll(async () => {
  if (!hasServer) return;
  process.env.DATABASE_URL = inject("databaseUrl");
  planId = (await getPrisma().plan.findFirstOrThrow()).id;
  // A comment and a decided amendment, so both pages have dates to show.
  const [delegate, facilitator] = await Promise.all([
    signInOverHttp(baseUrl, ACCOUNTS.delegate),
    signInOverHttp(baseUrl, ACCOUNTS.facilitator),
  ]);
  const thread = await delegate.fetch(
    `/api/plans/${planId}/threads`,
    jsonRequest({
      sectionKey: "resources",
      blockId: "resources.should-8",
      quote: { exact: "Map the resources required" },
      stance: "support",
      body: "Dated in any time zone.",
    }),
  );
  expect(thread.status).toBe(201);
  const proposed = await delegate.fetch(
    `/api/plans/${planId}/amendments`,
    jsonRequest({
      sectionKey: "resources",
      blockId: "resources.should-8",
      quote: { exact: "Map the resources required" },
      kind: "replace",
      newText: "Map and secure the resources required",
      rationale: "Dates, whatever the locale.",
    }),
  );
  expect(proposed.status).toBe(201);
  const { id } = (await proposed.json()) as { id: string };
  const rejected = await facilitator.fetch(
    `/api/plans/${planId}/amendments/${id}/decision`,
    jsonRequest({ decision: "reject", reason: "Kept as drafted." }),
  );
  expect(rejected.status).toBe(200);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await disconnectPrisma();
});

describe.skipIf(!hasServer)("dates", () => {
  for (const { locale, timezoneId } of [
    { locale: "fr-FR", timezoneId: "Europe/Paris" },
    { locale: "en-US", timezoneId: "America/New_York" },
  ]) {
    it(`hydrate without error and read one way in ${locale}, ${timezoneId}`, async () => {
      const context = await browser.newContext({ baseURL: baseUrl, locale, timezoneId });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
      page.on("pageerror", (error) => errors.push(error.message));
      await signInWithForm(page, ACCOUNTS.facilitator);
      for (const path of ["comments", "amendments"]) {
        await page.goto(`/plans/${planId}/${path}`, { waitUntil: "networkidle" });
        const dates = await page.locator("main time").allTextContents();
        expect(dates.length, path).toBeGreaterThan(0);
        for (const date of dates) expect(date, path).toMatch(DAY_AND_TIME);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
