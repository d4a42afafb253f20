/** The per-email delay's schedule, and how a refusal tells the wait. */
import { describe, expect, it } from "vitest";
import { computeFailureDelay, describeSignInDelay, FREE_FAILURES, MAX_DELAY_MS } from "@/lib/auth/sign-in-limit";

describe("computeFailureDelay", () => {
  it("costs nothing for the first failures, then doubles from 2 s up to the cap", () => {
    expect(Array.from({ length: FREE_FAILURES + 1 }, (_, n) => computeFailureDelay(n))).toEqual(
      Array(FREE_FAILURES + 1).fill(0),
    );
    expect([1, 2, 3, 4].map((n) => computeFailureDelay(FREE_FAILURES + n))).toEqual([2000, 4000, 8000, 16000]);
    expect(computeFailureDelay(FREE_FAILURES + 30)).toBe(MAX_DELAY_MS);
    expect(computeFailureDelay(10_000)).toBe(MAX_DELAY_MS);
  });
});

describe("describeSignInDelay", () => {
  it("says seconds under a minute and minutes above, rounded up", () => {
    expect(describeSignInDelay(1)).toBe("Too many failed sign-ins. Try again in 1 second.");
    expect(describeSignInDelay(7_500)).toBe("Too many failed sign-ins. Try again in 8 seconds.");
    expect(describeSignInDelay(61_000)).toBe("Too many failed sign-ins. Try again in 2 minutes.");
    expect(describeSignInDelay(MAX_DELAY_MS)).toBe("Too many failed sign-ins. Try again in 15 minutes.");
  });
});
