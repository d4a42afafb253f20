/** The one error type that lib/ throws on purpose; the responder maps its code to an HTTP status. */

export const ERROR_STATUS = {
  /** No session, or the session's user is gone or disabled. */
  unauthenticated: 401,
  /** Signed in, but the role may not do this. */
  forbidden: 403,
  /** The resource does not exist, or the user may not see it. */
  not_found: 404,
  /** The request conflicts with the current state (an invite already used, an email taken). */
  conflict: 409,
  /** The link or token has expired. */
  gone: 410,
  /** The body is too large. */
  payload_too_large: 413,
  /** The body is not JSON (content type), which also keeps cross-site forms out. */
  unsupported_media_type: 415,
  /** Too many attempts; try again later. */
  rate_limited: 429,
  /** The input is well-formed but not acceptable. */
  invalid: 400,
  /** The server cannot serve this now (misconfigured, or a dependency is down). */
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra fields for the response body, e.g. { field: "email" }. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
