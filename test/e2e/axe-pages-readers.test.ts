/**
 * Every page type, signed in as each role that reads and comments, scanned with axe in Chromium: no serious or
 * critical violation anywhere. The drafters are in axe-pages-drafters.test.ts, so the two halves run side by side.
 */
import { describe, expect, it } from "vitest";
import { setUpAxePages } from "@/test/support/axe-pages";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const seriousViolations = setUpAxePages(setUpBrowser(), hasServer);

describe.skipIf(!hasServer)("axe on every page type, for those who read", () => {
  for (const role of ["delegate", "observer"] as const)
    it(`finds nothing serious for the ${role}`, async () => {
      expect(await seriousViolations(role)).toEqual([]);
    });
});
