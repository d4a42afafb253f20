import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Next's dev server re-evaluates modules on every hot reload; keeping the
// client on globalThis stops each reload from opening another pg pool.
const globalForPrisma = globalThis as typeof globalThis & { gpaPrisma?: PrismaClient };

let productionClient: PrismaClient | undefined;

/**
 * Fail fast when PostgreSQL is down or unreachable, so a request answers 503
 * within seconds instead of hanging (lib/http/respond.ts maps the error).
 * A refused connection fails at once anyway; these bound the cases where
 * packets vanish (a host gone, a firewall) and where the pool is exhausted.
 * The pool drops broken connections and opens new ones on demand, so the app
 * recovers by itself once the database is back.
 */
const POOL_TIMEOUTS = { connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000 };

/**
 * Returns the shared Prisma client, creating it on first use. Created lazily
 * so that importing this module (e.g. during `next build`, or in a unit test)
 * does not need DATABASE_URL.
 */
export function getPrisma(): PrismaClient {
  const existing = readCachedClient();
  if (existing) return existing;

  const connectionString = env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set, so the database cannot be reached.");
  }
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, ...POOL_TIMEOUTS }) });
  writeCachedClient(client);
  return client;
}

/**
 * The shared client, for code that prefers `prisma.dialogue.findMany()` to
 * `getPrisma().dialogue.findMany()`. Each property access goes through
 * {@link getPrisma}, so nothing connects until it is first used.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property, client);
    // Bind methods such as $transaction, which rely on `this` being the client.
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the shared client's pool, if one was opened; the next use opens a new one. */
export async function disconnectPrisma(): Promise<void> {
  const client = readCachedClient();
  if (!client) return;
  writeCachedClient(undefined);
  await client.$disconnect();
}

function readCachedClient(): PrismaClient | undefined {
  return env.NODE_ENV === "production" ? productionClient : globalForPrisma.gpaPrisma;
}

function writeCachedClient(client: PrismaClient | undefined) {
  if (env.NODE_ENV === "production") productionClient = client;
  else globalForPrisma.gpaPrisma = client;
}

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
