/**
 * Where to go after signing in: only a path on this site. Anything that a
 * browser could read as another host ("//evil", "/\evil", "/\tevil", a full
 * URL) becomes "/", so the sign-in page cannot bounce people elsewhere.
 */
export function toSafeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  const base = "http://gpa.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
}
