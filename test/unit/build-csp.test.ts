/** The Content-Security-Policy built for each request (lib/security/build-csp.ts). */
import { describe, expect, it } from "vitest";
import { buildCsp } from "@/lib/security/build-csp";

describe("buildCsp", () => {
  it("allows scripts by nonce only, with no eval in production, and the collab server for connections", () => {
    const csp = buildCsp({ nonce: "abc123==", collabUrl: "wss://collab.example.org/path?x=1", isDev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("connect-src 'self' wss://collab.example.org;");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("adds eval in development only, and drops a collab URL that is not a URL", () => {
    expect(buildCsp({ nonce: "n", collabUrl: "ws://localhost:1234", isDev: true })).toContain("'unsafe-eval'");
    expect(buildCsp({ nonce: "n", collabUrl: "not a url; script-src *", isDev: false })).toContain(
      "connect-src 'self';",
    );
  });
});
