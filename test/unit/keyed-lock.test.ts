import { describe, expect, it } from "vitest";
import { LockWaitTimeout, withKeyedLock } from "@/lib/auth/keyed-lock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withKeyedLock", () => {
  it("runs holders of one key one at a time, in arrival order, and other keys alongside", async () => {
    const events: string[] = [];
    const hold = (key: string, name: string, ms: number) =>
      withKeyedLock(key, 1000, async () => {
        events.push(`${name} in`);
        await sleep(ms);
        events.push(`${name} out`);
      });
    await Promise.all([hold("a", "a1", 30), hold("a", "a2", 10), hold("b", "b1", 5), hold("a", "a3", 1)]);
    expect(events).toEqual(["a1 in", "b1 in", "b1 out", "a1 out", "a2 in", "a2 out", "a3 in", "a3 out"]);
  });

  it("gives up after the wait without running, and lets nobody behind it past the holder", async () => {
    const events: string[] = [];
    const holder = withKeyedLock("k", 1000, async () => {
      await sleep(60);
      events.push("holder out");
    });
    const impatient = withKeyedLock("k", 10, async () => events.push("impatient ran"));
    await expect(impatient).rejects.toBeInstanceOf(LockWaitTimeout);
    await withKeyedLock("k", 1000, async () => events.push("next in"));
    await holder;
    expect(events).toEqual(["holder out", "next in"]);
  });

  it("frees the key when a holder throws", async () => {
    await expect(withKeyedLock("t", 1000, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(withKeyedLock("t", 10, async () => "after")).resolves.toBe("after");
  });
});
