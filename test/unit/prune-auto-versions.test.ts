import { describe, expect, it } from "vitest";
import { choosePrunedVersions } from "@/lib/versions/prune-auto-versions";

const NOW = new Date("2026-11-30T12:00:00Z");
let number = 0;
const version = (kind: "auto" | "named" | "before_restore", at: string) => ({
  id: `v${++number}`,
  number,
  kind,
  createdAt: new Date(at),
});
const numbersOf = (versions: { number: number }[]) => versions.map((v) => v.number);

describe("choosePrunedVersions", () => {
  it("keeps every automatic version of the last day, and the last of each older calendar day (UTC)", () => {
    number = 0;
    const versions = [
      version("auto", "2026-11-27T09:00:00Z"), // 1: pruned
      version("auto", "2026-11-27T23:50:00Z"), // 2: kept, the last of the 27th
      version("auto", "2026-11-28T10:00:00Z"), // 3: pruned
      version("auto", "2026-11-28T10:10:00Z"), // 4: kept, the last of the 28th
      version("auto", "2026-11-29T11:00:00Z"), // 5: pruned, over a day old
      version("auto", "2026-11-29T11:30:00Z"), // 6: pruned, over a day old (7 is the last of the 29th)
      version("auto", "2026-11-29T12:30:00Z"), // 7: kept, under a day old
      version("auto", "2026-11-30T11:50:00Z"), // 8: kept, under a day old, the latest
    ];
    expect(numbersOf(choosePrunedVersions(versions, NOW))).toEqual([1, 3, 5, 6]);
  });

  it("never prunes a named or before-restore version, nor the latest version of all", () => {
    number = 0;
    const versions = [
      version("named", "2026-10-01T09:00:00Z"),
      version("auto", "2026-10-01T09:10:00Z"),
      version("before_restore", "2026-10-01T09:20:00Z"),
      version("auto", "2026-10-01T09:30:00Z"),
    ];
    expect(choosePrunedVersions(versions, NOW)).toEqual([versions[1]]);
    expect(choosePrunedVersions([versions[1]], NOW)).toEqual([]);
  });

  it("prunes nothing younger than a day", () => {
    number = 0;
    const versions = [
      version("auto", "2026-11-29T12:30:00Z"),
      version("auto", "2026-11-29T12:40:00Z"),
      version("auto", "2026-11-30T11:00:00Z"),
    ];
    expect(choosePrunedVersions(versions, NOW)).toEqual([]);
  });
});
