/**
 * Next 16's proxy (the former middleware): gives every page and API response
 * a Content-Security-Policy around a fresh nonce. Next reads the nonce from
 * the request's copy of the header and puts it on its own scripts; the
 * response copy is what the browser enforces. Pages render dynamically (the
 * root layout reads the session), so every page gets a nonce.
 *
 * Security is not decided here: a proxy can be bypassed (CVE-2025-29927), so
 * authorization stays in handlers, layouts and lib/. The other headers
 * (nosniff, Referrer-Policy, X-Frame-Options) are static, in next.config.js.
 */
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { collabPublicUrl } from "@/lib/collab/collab-url";
import { buildCsp } from "@/lib/security/build-csp";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = buildCsp({ nonce, collabUrl: collabPublicUrl(), isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Every page and API route; static files under _next/ need no policy.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // A link prefetch fetches RSC data, not a document the browser would run.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
