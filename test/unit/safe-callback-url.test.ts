import { describe, expect, it } from "vitest";
import { toSafeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("toSafeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(toSafeCallbackUrl("/dialogues/x?q=a#should-3")).toBe("/dialogues/x?q=a#should-3");
    expect(toSafeCallbackUrl("/")).toBe("/");
  });

  it.each(["//evil.example/x", "/\\evil.example/x", "/\tevil.example", "/%09/evil.example", "https://evil.example", "evil", "", undefined, ["/a"]])(
    "turns %j into /",
    (value) => {
      const safe = toSafeCallbackUrl(value);
      expect(safe.startsWith("/")).toBe(true);
      expect(new URL(safe, "http://app.local").host).toBe("app.local");
    },
  );
});
