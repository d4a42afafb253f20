/**
 * Every page type, signed in as each role that drafts or administers, scanned with axe in Chromium: no serious or
 * critical violation anywhere. The readers are in axe-pages-readers.test.ts, so the two halves run side by side.
 */
import { describe, expect, it } from "vitest";
import { setUpAxePages } from "@/test/support/axe-pages";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const seriousViolations = setUpAxePages(setUpBrowser(), hasServer);

describe.skipIf(!hasServer)("axe on every page type, for those who draft", () => {
  it("finds nothing serious on the sign-in page", async () => {
    expect(await seriousViolations(null, ["/sign-in"])).toEqual([]);
  });

  for (const role of ["admin", "facilitator"] as const)
    it(`finds nothing serious for the ${role}`, async () => {
      expect(await seriousViolations(role)).toEqual([]);
    });
});
