/**
 * The sign-in limits against real PostgreSQL, with attempts backdated where
 * waiting would take minutes. The attacks over HTTP are in
 * test/security/sign-in-limits.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import {
  attemptSignIn,
  CLIENT_MAX_FAILURES,
  CLIENT_WINDOW_MS,
  computeFailureDelay,
  EMAIL_WINDOW_MS,
  findSignInDelay,
  FREE_FAILURES,
  MAX_DELAY_MS,
} from "@/lib/auth/sign-in-limit";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { clearDatabase } from "@/test/support/seed-database";

const prisma = getPrisma();
const EMAIL = "owner@example.org";
const PASSWORD = "the-owner's-password";
let user: { id: string; passwordHash: string; disabledAt: Date | null };

/** A past attempt, `agoMs` before now. */
async function record({
  email = EMAIL,
  client,
  succeeded = false,
  agoMs = 0,
}: {
  email?: string;
  client: string;
  succeeded?: boolean;
  agoMs?: number;
}) {
  await prisma.signInAttempt.create({
    data: { email, ip: client, succeeded, createdAt: new Date(Date.now() - agoMs) },
  });
}

/** The delay rounded to seconds, so a few milliseconds of test time do not matter. */
async function delaySeconds(client: string, email = EMAIL): Promise<number> {
  return Math.round((await findSignInDelay({ email, client })) / 1000);
}

beforeAll(async () => {
  await clearDatabase();
  user = await prisma.user.create({
    data: { email: EMAIL, name: "Owner", role: "observer", passwordHash: await hashPassword(PASSWORD) },
  });
});
beforeEach(() => prisma.signInAttempt.deleteMany());
afterAll(async () => {
  await clearDatabase();
  await disconnectPrisma();
});

describe("the per-email delay", () => {
  it("never delays a client that has not failed at the email, however many failed elsewhere", async () => {
    for (let n = 0; n < 40; n++) await record({ client: `198.51.100.${n}` });
    expect(await delaySeconds("203.0.113.1")).toBe(0);
    await expect(attemptSignIn({ email: EMAIL, client: "203.0.113.1", password: PASSWORD, user })).resolves.toBe(
      "signed_in",
    );
  });

  it("makes a client that failed wait, longer the more the email failed anywhere, counted from its own failure", async () => {
    for (let n = 0; n < FREE_FAILURES + 2; n++) await record({ client: `198.51.100.${n}`, agoMs: 60_000 });
    await record({ client: "203.0.113.1", agoMs: 1000 });
    // FREE_FAILURES + 3 failures in all: the third wait of the schedule, less the second since this client failed.
    expect(await delaySeconds("203.0.113.1")).toBe(computeFailureDelay(FREE_FAILURES + 3) / 1000 - 1);
    for (let n = 0; n < 40; n++) await record({ client: `192.0.2.${n}`, agoMs: 60_000 });
    expect(await delaySeconds("203.0.113.1")).toBe(MAX_DELAY_MS / 1000 - 1);
  });

  it("forgets a client's failures at an email once it signs in there, and failures older than the window", async () => {
    for (let n = 0; n < FREE_FAILURES + 5; n++) await record({ client: "203.0.113.1", agoMs: 5000 });
    await record({ client: "203.0.113.1", succeeded: true, agoMs: 1000 });
    expect(await delaySeconds("203.0.113.1")).toBe(0);
    for (let n = 0; n < FREE_FAILURES + 5; n++) await record({ client: "203.0.113.2", agoMs: EMAIL_WINDOW_MS + 1000 });
    expect(await delaySeconds("203.0.113.2")).toBe(0);
  });
});

describe("the per-client cap", () => {
  it("refuses a client after CLIENT_MAX_FAILURES failures at any emails until the oldest leaves the window", async () => {
    for (let n = 0; n < CLIENT_MAX_FAILURES; n++)
      await record({ email: `sprayed-${n}@example.org`, client: "203.0.113.1", agoMs: CLIENT_WINDOW_MS - 60_000 + n });
    expect(await delaySeconds("203.0.113.1", "never-tried@example.org")).toBe(60);
    expect(await delaySeconds("203.0.113.2", "never-tried@example.org")).toBe(0);
    await expect(attemptSignIn({ email: EMAIL, client: "203.0.113.1", password: PASSWORD, user })).resolves.toBe(
      "throttled",
    );
  });

  it("no longer counts failures older than the window", async () => {
    for (let n = 0; n < CLIENT_MAX_FAILURES; n++)
      await record({ email: `sprayed-${n}@example.org`, client: "203.0.113.1", agoMs: CLIENT_WINDOW_MS + 1000 });
    expect(await delaySeconds("203.0.113.1", "never-tried@example.org")).toBe(0);
  });
});

describe("attemptSignIn", () => {
  it("records failures, refuses while throttled without checking or recording, and signs in after, with an audit row", async () => {
    for (let n = 0; n <= FREE_FAILURES; n++) {
      await expect(attemptSignIn({ email: EMAIL, client: "203.0.113.1", password: "wrong", user })).resolves.toBe(
        "refused",
      );
    }
    await expect(attemptSignIn({ email: EMAIL, client: "203.0.113.1", password: PASSWORD, user })).resolves.toBe(
      "throttled",
    );
    expect(await prisma.signInAttempt.count({ where: { ip: "203.0.113.1" } })).toBe(FREE_FAILURES + 1);
    await prisma.signInAttempt.updateMany({ data: { createdAt: new Date(Date.now() - MAX_DELAY_MS) } });
    const audits = await prisma.auditLog.count({ where: { action: "auth.sign_in", userId: user.id } });
    await expect(attemptSignIn({ email: EMAIL, client: "203.0.113.1", password: PASSWORD, user })).resolves.toBe(
      "signed_in",
    );
    expect(await prisma.auditLog.count({ where: { action: "auth.sign_in", userId: user.id } })).toBe(audits + 1);
  });

  it("counts an unknown email and a disabled account like a wrong password", async () => {
    await expect(
      attemptSignIn({ email: "nobody@example.org", client: "203.0.113.1", password: PASSWORD, user: null }),
    ).resolves.toBe("refused");
    await expect(
      attemptSignIn({
        email: EMAIL,
        client: "203.0.113.1",
        password: PASSWORD,
        user: { ...user, disabledAt: new Date() },
      }),
    ).resolves.toBe("refused");
    expect(await prisma.signInAttempt.count({ where: { ip: "203.0.113.1", succeeded: false } })).toBe(2);
  });
});

describe("attempts that race", () => {
  it("checks the free failures and one more when a client's twenty guesses at one email arrive together, and throttles the rest", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => attemptSignIn({ email: EMAIL, client: "203.0.113.7", password: "wrong", user })),
    );
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(FREE_FAILURES + 1);
    expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(20 - (FREE_FAILURES + 1));
    expect(await prisma.signInAttempt.count({ where: { email: EMAIL } })).toBe(FREE_FAILURES + 1);
  });

  it("throttles, within seconds and recording nothing, an attempt whose email another instance holds locked", async () => {
    const otherInstance = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await otherInstance.connect();
    try {
      await otherInstance.query("BEGIN");
      await otherInstance.query("SELECT pg_advisory_xact_lock(2, hashtext($1))", [EMAIL]);
      await expect(attemptSignIn({ email: EMAIL, client: "203.0.113.1", password: PASSWORD, user })).resolves.toBe(
        "throttled",
      );
      expect(await prisma.signInAttempt.count()).toBe(0);
    } finally {
      await otherInstance.query("ROLLBACK");
      await otherInstance.end();
    }
  }, 20_000);
});
