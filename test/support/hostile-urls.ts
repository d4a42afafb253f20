/** Hostile URL pieces shared by the unit and security tests. */

/**
 * Sign-in callback URLs that name another host: dot segments that fold into
 * "//" once the URL is resolved, backslashes (browsers read "\" as "/"), tabs
 * and newlines (the URL parser drops them), percent-encoded dots, slashes
 * and backslashes, and plain absolute or protocol-relative URLs.
 */
export const OFF_SITE_CALLBACKS = [
  "/.//evil.example/phish",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/./\\evil.example",
  "/.\\/evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "/%5c%5cevil.example",
  "/%5C/evil.example",
  "/%2f/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%09/evil.example",
  "%2f%2fevil.example",
  "https://evil.example",
  "//evil.example",
  "///evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  " //evil.example",
];

/**
 * Path segments that do not decode: a lone byte over 0x7f, a cut-off UTF-8
 * sequence, the non-standard %u escape. Written as they go on the wire.
 */
export const UNDECODABLE_SEGMENTS = ["%ff", "%E0%A4%A", "%u0000"];

/** Those, and NUL, which decodes but which PostgreSQL text cannot hold. */
export const MALFORMED_SEGMENTS = [...UNDECODABLE_SEGMENTS, "%00"];
