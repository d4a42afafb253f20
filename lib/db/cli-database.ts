/**
 * The database a command-line tool (`npm run plan`, `npm run dialogue`,
 * `npm run db:migrate`) works on: DATABASE_URL when it is set; otherwise the
 * embedded PostgreSQL that `npm start` keeps under GPA_DATA_DIR — the one
 * the app serves — reused while `npm start` runs, or started for the command
 * and stopped after it. So after `npm install && npm start`, the tools need
 * no setup either.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { readEnv, setEnv } from "@/lib/env";
import { disconnectPrisma } from "@/lib/db";
import { startEmbeddedPostgres } from "./embedded-postgres";

/** The database `npm start` creates in its embedded server. */
export const EMBEDDED_DATABASE = "gpa";

export type CliDatabase = {
  url: string;
  /** Where it is, for messages: never the password. */
  description: string;
  /** Stops the embedded server when this command started it. */
  close: () => Promise<void>;
};

export async function openCliDatabase(env = readEnv()): Promise<CliDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, description: "DATABASE_URL", close: async () => {} };
  const dataDir = path.resolve(env.GPA_DATA_DIR, "postgres");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `DATABASE_URL is not set, and there is no embedded database in ${dataDir} yet: run npm start once, or set DATABASE_URL`,
    );
  }
  const url = `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;
  const description = `the embedded PostgreSQL of npm start (127.0.0.1:${env.EMBEDDED_PG_PORT}, ${path.relative(process.cwd(), dataDir) || dataDir})`;
  if (await isReachable(url)) return { url, description, close: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT });
  await server.ensureDatabase(EMBEDDED_DATABASE);
  return { url, description, close: () => server.stop() };
}

/** Whether a server answers at `url` (npm start is running), within a couple of seconds. */
async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `work` with DATABASE_URL pointing at the command's database, then disconnects (and stops what it started). */
export async function withCliDatabase<T>(work: () => Promise<T>): Promise<T> {
  const database = await openCliDatabase();
  setEnv("DATABASE_URL", database.url);
  try {
    return await work();
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}
