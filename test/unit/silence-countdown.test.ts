import { describe, expect, it } from "vitest";
import { describeDuration } from "@/components/negotiation/silence-countdown";

describe("the silence countdown's wording", () => {
  it.each([
    [19_000, "19 s"],
    [19_001, "20 s"],
    [249_000, "4 min 09 s"],
    [3 * 3_600_000 + 5 * 60_000, "3 h 05 min"],
    [2 * 86_400_000 + 3 * 3_600_000, "2 d 3 h"],
  ])("%i ms left reads %s", (ms, words) => {
    expect(describeDuration(ms)).toBe(words);
  });
});
