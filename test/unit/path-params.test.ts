import { describe, expect, it } from "vitest";
import { containsNul, hasNulParam } from "@/lib/http/path-params";

describe("the NUL rule for path params", () => {
  it("finds U+0000 in any param or part of a catch-all", () => {
    expect(hasNulParam({ id: "a\0" })).toBe(true);
    expect(hasNulParam({ id: "plan", threadId: "\0" })).toBe(true);
    expect(hasNulParam({ nextauth: ["callback", "x\0y"] })).toBe(true);
    expect(containsNul("\0")).toBe(true);
  });

  it("finds it still percent-encoded too, as Next hands it to pages", () => {
    expect(hasNulParam({ id: "%00" })).toBe(true);
    expect(hasNulParam({ id: "plan", token: "a%00b" })).toBe(true);
  });

  it("lets ordinary ids, other escapes and missing params through", () => {
    expect(hasNulParam({ id: "cmx1", token: "a%20b" })).toBe(false);
    expect(hasNulParam({ id: "%ff" })).toBe(false);
    expect(hasNulParam({ nextauth: ["signin"], optional: undefined })).toBe(false);
    expect(hasNulParam(undefined)).toBe(false);
  });
});
