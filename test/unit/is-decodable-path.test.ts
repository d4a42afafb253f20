import { describe, expect, it } from "vitest";
import { isDecodablePath } from "@/lib/http/is-decodable-path";
import { UNDECODABLE_SEGMENTS } from "@/test/support/hostile-urls";

describe("isDecodablePath", () => {
  it("accepts plain and well-encoded paths, NUL included (that one is the pages' and handlers' to refuse)", () => {
    for (const path of ["/", "/plans/cmx1/coverage", "/dialogues/a%20b", "/d/%E0%A4%A4", "/x/%00", "/%2e%2e/%2F"])
      expect(isDecodablePath(path)).toBe(true);
  });

  it.each(UNDECODABLE_SEGMENTS)("refuses a segment %s, wherever it sits", (segment) => {
    expect(isDecodablePath(`/plans/${segment}`)).toBe(false);
    expect(isDecodablePath(`/api/plans/x/threads/${segment}/comments`)).toBe(false);
  });

  it("refuses a UTF-8 sequence cut by a slash", () => {
    expect(isDecodablePath("/a/%E0%A4/%A4")).toBe(false);
  });
});
