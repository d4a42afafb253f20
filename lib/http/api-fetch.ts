/**
 * The app's own API, from the browser: one request, and its answer read the
 * one way our responder writes errors ({ error, message, field }, see
 * lib/http/respond.ts). Neither function here throws: a server that cannot
 * be reached is an error message like any other, so every caller shows one.
 */

export type ApiResult<T> = {
  /** The parsed body of a success; null on failure or an empty body. */
  data: T | null;
  /** What to tell the person, or null on success. */
  error: string | null;
  /** The HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The request field an invalid answer (400) names. */
  field: string | null;
};

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type ErrorBody = { message?: string; field?: string | null };

export type ApiRequest = {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own type (a file's text), instead of `body`. */
  raw?: { body: BodyInit; contentType: string };
  /** "no-store" where a stale answer would be wrong (a count that just changed). */
  cache?: RequestCache;
  /** Lets the request finish after the page is left (marking read on the way out). */
  keepalive?: boolean;
};

export const UNREACHABLE_MESSAGE = "Could not reach the server. Try again.";

/** A JSON request to our API, its answer parsed as `T` or read as our error. */
export async function apiFetch<T = unknown>(url: string, request: ApiRequest = {}): Promise<ApiResult<T>> {
  const response = await send(url, request);
  if (!(response instanceof Response)) return response;
  const parsed = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { data: parsed as T, error: null, status: response.status, field: null };
  return toFailure(response.status, parsed);
}

export type Download = { blob: Blob; filename: string | null };

/**
 * A file from our API (an export), fetched rather than linked so that a
 * refusal is shown as a message instead of being saved as a file. The name
 * is the one the server gave in Content-Disposition, if any.
 */
export async function apiDownload(url: string, request: ApiRequest = {}): Promise<ApiResult<Download>> {
  const response = await send(url, request);
  if (!(response instanceof Response)) return response;
  if (!response.ok) return toFailure(response.status, await response.json().catch(() => null));
  const blob = await response.blob().catch(() => null);
  if (!blob) return unreachable();
  const filename = readFilename(response.headers.get("content-disposition"));
  return { data: { blob, filename }, error: null, status: response.status, field: null };
}

/** The file name in a Content-Disposition header: the UTF-8 `filename*` if given, else the quoted `filename`. */
export function readFilename(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? /filename=([^;\s]+)/i.exec(disposition)?.[1] ?? null;
}

async function send(url: string, { method = "GET", body, raw, cache, keepalive }: ApiRequest) {
  const init: RequestInit = { method, cache, keepalive };
  if (raw) Object.assign(init, { headers: { "Content-Type": raw.contentType }, body: raw.body });
  else if (body !== undefined)
    Object.assign(init, { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  try {
    return await fetch(url, init);
  } catch {
    return unreachable();
  }
}

function unreachable(): ApiResult<never> {
  return { data: null, error: UNREACHABLE_MESSAGE, status: 0, field: null };
}

function toFailure(status: number, parsed: unknown): ApiResult<never> {
  const failure = (parsed ?? {}) as ErrorBody;
  return {
    data: null,
    error: failure.message ?? `Request failed (${status}).`,
    status,
    field: failure.field ?? null,
  };
}
