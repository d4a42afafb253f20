/**
 * Which errors mean "the database is unreachable" (retry; 503) and which are
 * ordinary failures. The real errors are produced against a stopped
 * PostgreSQL in test/faults/database-outage.test.ts; these are their shapes.
 */
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { DATABASE_UNAVAILABLE_MESSAGE, toErrorResponse } from "@/lib/http/respond";

const prismaError = (code: string, kind?: string) =>
  Object.assign(
    new Error("Invalid `prisma.plan.findMany()` invocation:\n\nCan't reach database server at 127.0.0.1:5432"),
    {
      code,
      ...(kind ? { meta: { driverAdapterError: { cause: { kind } } } } : {}),
    },
  );

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma P1001", prismaError("P1001")],
    [
      "a raw query's P2010 wrapping DatabaseNotReachable",
      Object.assign(new Error("Raw query failed."), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
      }),
    ],
    ["a pool timeout (P2024)", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    ["ECONNREFUSED from pg", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    [
      "PostgreSQL shutting down (57P01)",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    ["pg's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a wrapped cause", new Error("store failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) })],
    // Seen under load (bench/load.ts): every pooled connection busy for the transaction's whole maxWait.
    [
      "a transaction that could not start in time (P2028)",
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
        code: "P2028",
      }),
    ],
  ])("is true for %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique clash", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a missing row", Object.assign(new Error("Record not found"), { code: "P2025" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    [
      "a transaction used after it closed (also P2028)",
      Object.assign(
        new Error(
          "Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.",
        ),
        { code: "P2028" },
      ),
    ],
    ["a non-error", "oops"],
  ])("is false for %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("toErrorResponse with the database down", () => {
  it("answers 503 with a clear message and Retry-After, not the database's own message", async () => {
    const response = toErrorResponse(prismaError("P1001", "DatabaseNotReachable"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE });
  });
});
