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

/** One headline figure of a benchmark, for `npm run bench`'s summary table. */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  /** e.g. "< 250 ms"; absent for figures reported without a target. */
  target?: string;
  isMet?: boolean;
};

/** The line prefix `npm run bench` (bench/run-all.ts) collects from each benchmark's stdout. */
export const FIGURE_PREFIX = "FIGURE\t";

/** Prints a headline figure as one machine-readable line, after the benchmark's own table. */
export function reportFigure(figure: Figure): void {
  process.stdout.write(`${FIGURE_PREFIX}${JSON.stringify(figure)}\n`);
}

/** A figure judged against an upper bound: `value < limit` (or `≤` when `isInclusive`). */
export function reportUpperBound({
  name,
  value,
  unit,
  limit,
  isInclusive = false,
}: {
  name: string;
  value: number;
  unit: string;
  limit: number;
  isInclusive?: boolean;
}): void {
  reportFigure({
    name,
    value,
    unit,
    target: `${isInclusive ? "≤" : "<"} ${limit} ${unit}`.trim(),
    isMet: isInclusive ? value <= limit : value < limit,
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or a rejection naming `what` after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting until ${what}`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
