/**
 * The app's own API, from the browser: one request, and its answer read the
 * one way our responder writes errors ({ error, message, field }, see
 * lib/http/respond.ts). It never throws: a server that cannot be reached is
 * an error message like any other, so every caller shows one.
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

export const UNREACHABLE_MESSAGE = "Could not reach the server. Try again.";

export async function apiFetch<T = unknown>(
  url: string,
  { method = "GET", body }: { method?: Method; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(
      url,
      body === undefined
        ? { method }
        : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    );
  } catch {
    return { data: null, error: UNREACHABLE_MESSAGE, status: 0, field: null };
  }
  const parsed = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { data: parsed as T, error: null, status: response.status, field: null };
  const failure = (parsed ?? {}) as ErrorBody;
  return {
    data: null,
    error: failure.message ?? `Request failed (${response.status}).`,
    status: response.status,
    field: failure.field ?? null,
  };
}
