/**
 * The sign-in limits: guessing is slowed down and capped, and nobody can lock
 * an account's owner out. Attempts are counted in PostgreSQL, so every app
 * instance agrees. A "client" is the address from lib/http/client-address.ts:
 * the socket's address (an IPv6 /64), or the one reported by trusted proxies.
 *
 *   - Per client: CLIENT_MAX_FAILURES failures within CLIENT_WINDOW_MS, for
 *     any emails, known or not. After that the client is refused until the
 *     oldest of those failures leaves the window. This stops password
 *     spraying (one password against many emails). Forged headers do not get
 *     around it.
 *   - Per email: a client whose latest attempt at an email failed must wait
 *     before it tries that email again. The wait grows with the email's
 *     failures from anywhere within EMAIL_WINDOW_MS. The first FREE_FAILURES
 *     cost nothing (typos); then the wait is 2 s, 4 s, 8 s and so on, up to
 *     MAX_DELAY_MS. The wait counts from that client's own failure. An
 *     attacker's guesses at one account are slowed down, and one address
 *     after another only buys each address a single guess before the delay
 *     applies to it too.
 *   - A client that has not failed at an email is never delayed for it. So
 *     the owner, signing in from anywhere else, is not held up by someone
 *     else's failures. There is no lockout to trigger.
 *
 * Refusals look the same whether the email has an account or not. Nothing
 * here reads the user, and a wrong password for a real account is counted
 * like an unknown email, so a 429 tells nobody whether an account exists. A
 * refused attempt does not check the password, and it is not recorded.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { readPostgresCode } from "@/lib/db/postgres-code";
import { LockWaitTimeout, withKeyedLock } from "./keyed-lock";
import { verifyPassword } from "./password";

export const CLIENT_MAX_FAILURES = 10;
export const CLIENT_WINDOW_MS = 15 * 60 * 1000;
export const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 2000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** An email's failures this recent set its delay. It is longer than MAX_DELAY_MS, so a steady guesser stays at the cap. */
export const EMAIL_WINDOW_MS = 60 * 60 * 1000;
/** Attempts older than this are deleted; they no longer count for anything. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;
/**
 * Advisory-lock namespaces, for the two-key form, which no other lock in the
 * app uses. Client locks are always taken before email locks, so two
 * sign-ins can never wait on each other.
 */
const CLIENT_LOCK = 1;
const EMAIL_LOCK = 2;

export type SignInKey = { email: string; client: string };
export type SignInOutcome = "signed_in" | "refused" | "throttled";

/** Milliseconds until `client` may try `email` again; 0 when it may try now. Both limits apply. */
export async function findSignInDelay(key: SignInKey, tx: Tx = getPrisma()): Promise<number> {
  const now = Date.now();
  const clientDelay = await findClientDelay(key.client, tx, now);
  const emailDelay = await findEmailDelay({ email: normaliseEmail(key.email), client: key.client }, tx, now);
  return Math.max(0, clientDelay, emailDelay);
}

/** The per-client cap: the wait until the oldest of its last CLIENT_MAX_FAILURES failures leaves the window. */
async function findClientDelay(client: string, tx: Tx, now: number): Promise<number> {
  const failures = await tx.signInAttempt.findMany({
    where: { ip: client, succeeded: false, createdAt: { gte: new Date(now - CLIENT_WINDOW_MS) } },
    orderBy: { createdAt: "desc" },
    take: CLIENT_MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < CLIENT_MAX_FAILURES) return 0;
  return failures[CLIENT_MAX_FAILURES - 1].createdAt.getTime() + CLIENT_WINDOW_MS - now;
}

/** The per-email delay. It applies only to a client whose latest attempt at this email failed. */
async function findEmailDelay({ email, client }: SignInKey, tx: Tx, now: number): Promise<number> {
  const since = new Date(now - EMAIL_WINDOW_MS);
  const latest = await tx.signInAttempt.findFirst({
    where: { email, ip: client, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { succeeded: true, createdAt: true },
  });
  if (!latest || latest.succeeded) return 0;
  const failures = await tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } });
  return latest.createdAt.getTime() + computeFailureDelay(failures) - now;
}

/** The wait after an email's `failures`: none for the first FREE_FAILURES; then 2 s, doubling each time, up to MAX_DELAY_MS. */
export function computeFailureDelay(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));
}

type Candidate = { id: string; passwordHash: string; disabledAt: Date | null };

/**
 * How long an attempt waits behind others from its client or at its email
 * before it is refused as throttled: in this process (lib/auth/keyed-lock.ts)
 * and then for another instance's advisory lock. A burst is answered within
 * seconds, and nobody's connection is held for it.
 */
const LOCK_WAIT_MS = 4000;
const POSTGRES_LOCK_NOT_AVAILABLE = "55P03";

/**
 * Checks a password under the limits. It locks the client, then the email,
 * from the count to the record, so parallel guesses cannot slip past either
 * limit: in this process first, so the queue holds no connections, then in
 * PostgreSQL, so every instance agrees. The attempt is recorded in the same
 * transaction, and a success also goes to the audit log. "throttled" means
 * the limits refused the attempt before the password was checked, or that it
 * waited too long behind others.
 */
export async function attemptSignIn({
  email,
  client,
  password,
  user,
}: SignInKey & { password: string; user: Candidate | null }): Promise<SignInOutcome> {
  const key = { email: normaliseEmail(email), client };
  try {
    return await withKeyedLock(`client:${client}`, LOCK_WAIT_MS, () =>
      withKeyedLock(`email:${key.email}`, LOCK_WAIT_MS, () => checkPasswordLocked(key, password, user)),
    );
  } catch (error) {
    if (error instanceof LockWaitTimeout || readPostgresCode(error) === POSTGRES_LOCK_NOT_AVAILABLE) return "throttled";
    throw error;
  }
}

async function checkPasswordLocked(
  { email, client }: SignInKey,
  password: string,
  user: Candidate | null,
): Promise<SignInOutcome> {
  return getPrisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${LOCK_WAIT_MS}ms`}, true)`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLIENT_LOCK}::int, hashtext(${client}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EMAIL_LOCK}::int, hashtext(${email}))`;
      if ((await findSignInDelay({ email, client }, tx)) > 0) return "throttled";
      const isValid = await verifyPassword(password, user?.passwordHash ?? null);
      const succeeded = Boolean(user && isValid && !user.disabledAt);
      await tx.signInAttempt.create({ data: { email, ip: client, succeeded } });
      if (succeeded)
        await appendAudit(tx, {
          userId: user!.id,
          action: "auth.sign_in",
          resourceType: "user",
          resourceId: user!.id,
          detail: { ip: client },
        });
      await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_ATTEMPTS_MS) } } });
      return succeeded ? "signed_in" : "refused";
    },
    // Room for both lock waits and a password check on a loaded machine.
    { timeout: 3 * LOCK_WAIT_MS },
  );
}

/** What a refused client reads: how long to wait, in words. */
export function describeSignInDelay(delayMs: number): string {
  const seconds = Math.ceil(delayMs / 1000);
  const [amount, unit] = seconds < 60 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
  return `Too many failed sign-ins. Try again in ${amount} ${unit}${amount === 1 ? "" : "s"}.`;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
