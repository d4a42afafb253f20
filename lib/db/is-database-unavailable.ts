/**
 * Whether an error means "PostgreSQL cannot be reached right now" (down,
 * restarting, connection dropped, pool exhausted) rather than "this query is
 * wrong". Such errors are worth a retry (the collab server's stores) and
 * deserve a 503 rather than a 500 (lib/http/respond.ts).
 *
 * Errors arrive in several shapes: Prisma's own codes, the pg driver
 * adapter's error kinds inside `meta.driverAdapterError.cause`, and raw
 * socket / SQLSTATE codes from pg or postgres.js used directly.
 */

/** P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Kinds the pg adapter (@prisma/adapter-pg) gives connection failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Socket errors, and SQLSTATEs for "shutting down / starting up / connection failure" (classes 57P and 08). */
const SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
]);
/**
 * Messages of errors that carry no telling code: pg's pool and client, and
 * Prisma's P2028 when every pooled connection stayed busy for the whole of
 * the transaction's maxWait (P2028 also covers closed transactions, which
 * are not transient, so the message decides).
 */
const MESSAGES =
  /Can't reach database server|Unable to start a transaction in the given time|Connection terminated|timeout exceeded when trying to connect|database system is (starting up|shutting down)|terminating connection due to administrator command|Client has encountered a connection error/i;

type ErrorLike = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  // Follow `cause` a few levels: wrappers (ours, Prisma's) keep the original there.
  for (
    let current = error as ErrorLike | undefined, depth = 0;
    current && typeof current === "object" && depth < 5;
    current = current.cause as ErrorLike | undefined, depth++
  ) {
    const { code, message, meta } = current;
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SYSTEM_CODES.has(code))) return true;
    const adapterCause = meta?.driverAdapterError?.cause;
    if (typeof adapterCause?.kind === "string" && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (typeof adapterCause?.originalCode === "string" && SYSTEM_CODES.has(adapterCause.originalCode)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}
