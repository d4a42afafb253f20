import pg from "pg";

/**
 * Returns `url` pointing at database `name` on the same server, keeping the
 * credentials and query parameters (e.g. `?sslmode=`).
 */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

type DatabaseOptions = {
  /** A URL to any database on the server, used to run CREATE/DROP DATABASE. */
  adminUrl: string;
  name: string;
};

/** Creates database `name`; fails if it already exists. */
export async function createDatabase({ adminUrl, name }: DatabaseOptions): Promise<void> {
  await runAdminStatement({ adminUrl, sql: `CREATE DATABASE ${pg.escapeIdentifier(name)}` });
}

/**
 * Drops database `name` if it exists. `WITH (FORCE)` (PostgreSQL 13+)
 * terminates leftover connections, e.g. a pool a failed test never closed,
 * which would otherwise make the drop fail.
 */
export async function dropDatabase({ adminUrl, name }: DatabaseOptions): Promise<void> {
  await runAdminStatement({
    adminUrl,
    sql: `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`,
  });
}

/** Returns whether database `name` exists on the server. */
export async function hasDatabase({ adminUrl, name }: DatabaseOptions): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

async function runAdminStatement({ adminUrl, sql }: { adminUrl: string; sql: string }): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
