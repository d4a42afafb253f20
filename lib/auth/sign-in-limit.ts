/**
 * The brute-force limit: after MAX_FAILURES failed sign-ins for one email
 * from one address within WINDOW_MS, further attempts are refused (429)
 * until the oldest failure leaves the window. Kept in PostgreSQL so every
 * app instance sees the same count.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { getPrisma } from "@/lib/db";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 10 * 60 * 1000;

export type SignInKey = { email: string; ip: string };

/** Milliseconds until a new attempt is allowed, or 0 when it is allowed now. */
export async function findSignInDelay({ email, ip }: SignInKey): Promise<number> {
  const since = new Date(Date.now() - WINDOW_MS);
  const failures = await getPrisma().signInAttempt.findMany({
    where: { email: normaliseEmail(email), ip, succeeded: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return 0;
  const oldestCounted = failures[failures.length - 1].createdAt.getTime();
  return Math.max(0, oldestCounted + WINDOW_MS - Date.now());
}

/** Records an attempt; a successful one also goes to the audit log, in the same transaction. */
export async function recordSignInAttempt({ email, ip, userId }: SignInKey & { userId: string | null }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email: normaliseEmail(email), ip, succeeded: userId !== null } });
    if (userId) await appendAudit(tx, { userId, action: "auth.sign_in", resourceType: "user", resourceId: userId, detail: { ip } });
  });
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The client address. Next's server appends the socket's address to
 * x-forwarded-for, so the last entry is the one a client cannot forge; a
 * trusted proxy in front would need this to read one entry further left.
 */
export function findClientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  return forwarded.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}
