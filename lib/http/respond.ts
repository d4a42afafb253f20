/**
 * The one wrapper around every route handler: it turns thrown errors into
 * JSON responses with the right status — ZodError → 400 naming the field,
 * AppError → its own status, Prisma "not found" → 404, unique clash → 409,
 * database unreachable → 503 — and never leaks an unexpected error's message.
 */
import { ZodError } from "zod";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { AppError } from "@/lib/errors";
import { containsNul, hasNulParam } from "./path-params";
import { readBodyText } from "./read-body";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      await assertNoNulInUrl(request, context);
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** What a request hears while PostgreSQL is unreachable. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a moment.";

export function toErrorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || null;
    return Response.json(
      { error: "invalid", field, message: field ? `${field}: ${issue.message}` : issue?.message },
      { status: 400 },
    );
  }
  if (error instanceof AppError) {
    return Response.json({ error: error.code, message: error.message, ...error.details }, { status: error.status });
  }
  const code = (error as { code?: string })?.code;
  if (code === "P2025") return Response.json({ error: "not_found", message: "Not found." }, { status: 404 });
  if (code === "P2002") return Response.json({ error: "conflict", message: "That already exists." }, { status: 409 });
  // The database is down or restarting: say so (503, retryable) instead of a
  // bare 500. The pool reconnects by itself, so the next request may succeed.
  if (isDatabaseUnavailable(error)) {
    console.error(`database unavailable: ${(error as Error)?.message?.split("\n").filter(Boolean).at(-1) ?? error}`);
    return Response.json(
      { error: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  console.error(error);
  return Response.json({ error: "internal", message: "Something went wrong." }, { status: 500 });
}

/**
 * Refuses a state-changing request that a browser sent from another site.
 * SameSite=Lax cookies already keep sessions out of cross-site POSTs; this is
 * the second lock on the door.
 */
function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (!origin) return; // not a browser form or fetch from another page
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // "null" (sandboxed frames, some redirects) or garbage cannot be same-site.
  const originHost = URL.canParse(origin) ? new URL(origin).host : null;
  if (originHost !== host) throw new AppError("forbidden", "Cross-site requests are not accepted.");
}

/** A NUL in a path param names nothing (404), in a query value it is refused (400): see path-params.ts. */
async function assertNoNulInUrl(request: Request, context: unknown): Promise<void> {
  const params = await (context as { params?: Promise<Record<string, string | string[]>> } | undefined)?.params;
  if (hasNulParam(params)) throw new AppError("not_found", "Not found.");
  for (const [name, value] of new URL(request.url).searchParams) {
    if (containsNul(name) || containsNul(value))
      throw new AppError("invalid", `${name}: must not contain control characters`, { field: name });
  }
}

/** The JSON body, checked against `schema`. Refuses bodies over `maxBytes` (413) before reading them whole. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = 64 * 1024,
): Promise<z.infer<S>> {
  // A cross-site HTML form cannot send application/json without a CORS preflight.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const text = await readBodyText(request, maxBytes);
  let body: unknown;
  let nulField: string | null | undefined;
  try {
    // PostgreSQL text cannot hold U+0000 (path-params.ts): refuse it in any key or string, wherever it sits.
    body = JSON.parse(text, (key, value: unknown) => {
      if (nulField === undefined && (containsNul(key) || (typeof value === "string" && containsNul(value))))
        nulField = key;
      return value;
    });
  } catch {
    throw new AppError("invalid", "The body is not JSON.", { field: null });
  }
  if (nulField !== undefined)
    throw new AppError("invalid", `${nulField || "body"}: must not contain control characters`, {
      field: nulField || null,
    });
  return schema.parse(body);
}
