/** What every benchmark here shares: a throwaway database, percentiles and progress lines. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { createTestDatabase } from "@/test/support/test-database";

/**
 * Runs `work` against a fresh, migrated database (on DATABASE_URL's server,
 * or an embedded PostgreSQL) and drops it afterwards, also on error.
 */
export async function withBenchDatabase<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  log("creating a test database …");
  const database = await createTestDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    return await work(getPrisma());
  } finally {
    await disconnectPrisma();
    await database.drop();
  }
}

/** Progress goes to stderr, so stdout holds only the figures. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Nearest-rank percentile: always one of the measured values. */
export function findPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function formatMs(ms: number): string {
  return ms.toFixed(ms < 10 ? 2 : 1);
}
