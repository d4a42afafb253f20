/**
 * Dates in Chromium under other locales and time zones: the comments and
 * amendments pages hydrate without React's error #418 (the server's text
 * and the browser's must match), and every date reads one way,
 * "6 Dec 2026, 03:23 UTC", whatever the reader's settings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { createAmendment, createPlan, createThread, findUser } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInWithForm } from "@/test/support/sign-in";

const { hasServer, sessions } = setUpServedApp({ accounts: ["facilitator"] });
const browser = setUpBrowser();
let planId: string;

const DAY_AND_TIME = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  // A comment and a decided amendment, so both pages have dates to show.
  const delegate = await findUser(ACCOUNTS.delegate);
  await createThread({ actor: delegate, planId, body: "Dated in any time zone." });
  const { id } = await createAmendment({
    actor: delegate,
    planId,
    sectionKey: "resources",
    at: { blockId: "resources.should-8", exact: "Map the resources required" },
    newText: "Map and secure the resources required",
    rationale: "Dates, whatever the locale.",
  });
  const rejected = await sessions.facilitator.fetch(
    `/api/plans/${planId}/amendments/${id}/decision`,
    jsonRequest({ decision: "reject", reason: "Kept as drafted." }),
  );
  expect(rejected.status).toBe(200);
});

describe.skipIf(!hasServer)("dates", () => {
  for (const { locale, timezoneId } of [
    { locale: "fr-FR", timezoneId: "Europe/Paris" },
    { locale: "en-US", timezoneId: "America/New_York" },
  ]) {
    it(`hydrate without error and read one way in ${locale}, ${timezoneId}`, async () => {
      const context = await browser.newContext({ locale, timezoneId });
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
