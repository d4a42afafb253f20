/** A made-up origin to resolve paths against: what matters is whether the result keeps it. */
const BASE = "http://gpa.invalid";

/**
 * Where to go after signing in: only a path on this site, else "/".
 *
 * Checking the raw string is not enough: "/.//evil.example" and
 * "/%2e//evil.example" start with one "/", yet resolve to the path
 * "//evil.example", which a browser (or a relative Location header) reads as
 * another host. So the value is resolved first, and both the value and the
 * path it resolves to (also percent-decoded, for "/%5c%5cevil.example") must
 * be a local path: one "/" followed by neither "/" nor "\", with no control
 * characters (the URL parser silently drops tabs and newlines).
 */
export function toSafeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !isLocalPath(value)) return "/";
  const url = new URL(value, BASE);
  const decodedPath = decodePath(url.pathname);
  if (url.origin !== BASE || decodedPath === null || !isLocalPath(url.pathname) || !isLocalPath(decodedPath))
    return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: it hands over a callback URL, relative or
 * absolute, and redirects to what this returns. Its default accepts any
 * path ("/.//evil.example") and throws (a 500) on a value that is not a URL.
 */
export function toSafeAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${toSafeCallbackUrl(path)}`;
}

function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\\\u0000-\u001f\u007f]/.test(path);
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
