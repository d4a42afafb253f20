/**
 * Next 16's proxy (the former middleware): gives every page and API response
 * a Content-Security-Policy around a fresh nonce. Next reads the nonce from
 * the request's copy of the header and puts it on its own scripts; the
 * response copy is what the browser enforces. Pages render dynamically (the
 * root layout reads the session), so every page gets a nonce.
 *
 * It also answers a path that does not percent-decode with a 404 before
 * routing, where Next itself would answer a bare 500.
 *
 * Security is not decided here: a proxy can be bypassed (CVE-2025-29927), so
 * authorization stays in handlers, layouts and lib/ (bypassed, a malformed
 * path is back to Next's 500, which shows nothing). The other headers
 * (nosniff, Referrer-Policy, X-Frame-Options) are static, in next.config.js.
 */
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { collabPublicUrl } from "@/lib/collab/collab-url";
import { AppError } from "@/lib/errors";
import { isDecodablePath } from "@/lib/http/is-decodable-path";
import { toErrorResponse } from "@/lib/http/respond";
import { buildCsp } from "@/lib/security/build-csp";

/**
 * No route can live here (App Router folders starting with "_" are private),
 * so a rewrite to it gets Next's own not-found handling: app/not-found.tsx
 * with a 404, for documents and RSC fetches alike. (Next's "/_not-found" is a
 * route, which a prefetch answers with 200.)
 */
const NOT_FOUND_PATH = "/_malformed-url";

export function proxy(request: NextRequest) {
  if (!isDecodablePath(request.nextUrl.pathname)) return answerNotFound(request);
  // A link prefetch fetches RSC data, not a document the browser would run: it needs no policy.
  if (isPrefetch(request)) return NextResponse.next();
  return withCsp(request, (headers) => NextResponse.next({ request: { headers } }));
}

/** A path that does not decode names nothing (lib/http/is-decodable-path.ts): the API's JSON 404, or the not-found page. */
function answerNotFound(request: NextRequest): Response {
  if (request.nextUrl.pathname.startsWith("/api/")) return toErrorResponse(new AppError("not_found", "Not found."));
  // The not-found page runs scripts too, so it needs the policy and its nonce.
  return withCsp(request, (headers) =>
    NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } }),
  );
}

/** `respond`'s answer, given the request headers with a policy around a fresh nonce, and with that policy on it. */
function withCsp(request: NextRequest, respond: (requestHeaders: Headers) => NextResponse): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = buildCsp({ nonce, collabUrl: collabPublicUrl(), isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = respond(requestHeaders);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function isPrefetch(request: NextRequest): boolean {
  return request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
}

export const config = {
  // Every page and API route, prefetches included (they too are routed, so a malformed one must be caught);
  // static files under _next/ need no policy and are never routed by their path segments.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
