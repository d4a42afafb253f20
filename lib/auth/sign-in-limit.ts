/**
 * The brute-force limit. Failed sign-ins are counted in PostgreSQL (so every
 * app instance sees them) over a sliding WINDOW_MS:
 *   - MAX_FAILURES for one email from one address: the ordinary limit;
 *   - MAX_FAILURES_PER_EMAIL for one email from anywhere, so rotating
 *     addresses does not give unlimited guesses at one account;
 *   - MAX_FAILURES_PER_ADDRESS from one address over any emails.
 * Further attempts get 429 until the oldest counted failure leaves the window.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_EMAIL = 20;
export const MAX_FAILURES_PER_ADDRESS = 50;
export const WINDOW_MS = 10 * 60 * 1000;
/** Attempts older than this are deleted; they no longer count for anything. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;
/** The address used when no proxy is trusted to report the client's. */
export const DIRECT = "direct";

export type SignInKey = { email: string; ip: string };

/** Milliseconds until a new attempt is allowed, or 0 when it is allowed now. */
export async function findSignInDelay(key: SignInKey, tx: Tx = getPrisma()): Promise<number> {
  const email = normaliseEmail(key.email);
  const since = new Date(Date.now() - WINDOW_MS);
  const limits: [Record<string, string>, number][] = [
    [{ email, ip: key.ip }, MAX_FAILURES],
    [{ email }, MAX_FAILURES_PER_EMAIL],
  ];
  if (key.ip !== DIRECT) limits.push([{ ip: key.ip }, MAX_FAILURES_PER_ADDRESS]);
  let delay = 0;
  for (const [where, max] of limits) {
    const failures = await tx.signInAttempt.findMany({
      where: { ...where, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    });
    if (failures.length < max) continue;
    delay = Math.max(delay, failures[max - 1].createdAt.getTime() + WINDOW_MS - Date.now());
  }
  return Math.max(0, delay);
}

type Candidate = { id: string; passwordHash: string; disabledAt: Date | null };

/**
 * Checks a password under the limit. Holds a lock on (email, address) from
 * the count to the record, so parallel guesses cannot slip past the limit;
 * records the attempt, and a success in the audit log, in one transaction.
 */
export async function attemptSignIn({ email, ip, password, user }: SignInKey & { password: string; user: Candidate | null }): Promise<boolean> {
  const normalised = normaliseEmail(email);
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${normalised}`}))`;
    if ((await findSignInDelay({ email: normalised, ip }, tx)) > 0) return false;
    const isValid = await verifyPassword(password, user?.passwordHash ?? null);
    const succeeded = Boolean(user && isValid && !user.disabledAt);
    await tx.signInAttempt.create({ data: { email: normalised, ip, succeeded } });
    if (succeeded) await appendAudit(tx, { userId: user!.id, action: "auth.sign_in", resourceType: "user", resourceId: user!.id, detail: { ip } });
    await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_ATTEMPTS_MS) } } });
    return succeeded;
  });
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The client's address, as far as it can be trusted. `next start` fills in
 * x-forwarded-for only when the request has none, so a client can write any
 * value there: the header is only believed behind TRUSTED_PROXY_HOPS proxies
 * that each append the address they saw. Without one, every attempt counts
 * under DIRECT, and the limit is per email.
 */
export function findClientIp(headers: Headers): string {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops <= 0) return DIRECT;
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return forwarded.at(-hops) ?? DIRECT;
}
