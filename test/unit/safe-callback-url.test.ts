import { describe, expect, it } from "vitest";
import { toSafeAuthRedirect, toSafeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { OFF_SITE_CALLBACKS } from "@/test/support/hostile-urls";

describe("toSafeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(toSafeCallbackUrl("/dialogues/x?q=a#should-3")).toBe("/dialogues/x?q=a#should-3");
    expect(toSafeCallbackUrl("/plans/cmx1/coverage")).toBe("/plans/cmx1/coverage");
    expect(toSafeCallbackUrl("/")).toBe("/");
  });

  it("resolves harmless dot segments to the path they name", () => {
    expect(toSafeCallbackUrl("/plans/./x")).toBe("/plans/x");
    expect(toSafeCallbackUrl("/a/../plans")).toBe("/plans");
  });

  it.each(OFF_SITE_CALLBACKS)("turns %j into /", (value) => {
    expect(toSafeCallbackUrl(value)).toBe("/");
  });

  it.each(["evil", "", undefined, null, 42, ["/a"], "/a\u0000b", "/%ff"])(
    "turns %j (not a usable path) into /",
    (value) => {
      expect(toSafeCallbackUrl(value)).toBe("/");
    },
  );
});

describe("toSafeAuthRedirect (next-auth's redirect callback)", () => {
  const baseUrl = "http://app.local:3000";

  it("keeps a path or a URL on this site", () => {
    expect(toSafeAuthRedirect({ url: "/plans/x", baseUrl })).toBe(`${baseUrl}/plans/x`);
    expect(toSafeAuthRedirect({ url: `${baseUrl}/plans/x?a=1`, baseUrl })).toBe(`${baseUrl}/plans/x?a=1`);
    expect(toSafeAuthRedirect({ url: baseUrl, baseUrl })).toBe(`${baseUrl}/`);
  });

  it.each([
    ...OFF_SITE_CALLBACKS,
    ...OFF_SITE_CALLBACKS.map((path) => `http://app.local:3000${path}`),
    "http://app.local:30001/x",
    "http://app.local:3000@evil.example/",
  ])("sends %j home", (url) => {
    expect(toSafeAuthRedirect({ url, baseUrl })).toBe(`${baseUrl}/`);
  });
});
