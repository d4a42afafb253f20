/** Plain HTTP helpers for the end-to-end tests that call the app's routes. */

/** A JSON request of `method` (POST by default) with `body`. */
export function jsonRequest(body: unknown, method = "POST"): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** A fetch without a session against `baseUrl`, which shows redirects instead of following them. */
export function anonymousFetch(baseUrl: string): (path: string, init?: RequestInit) => Promise<Response> {
  return (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, redirect: "manual" });
}
