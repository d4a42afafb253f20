// Applies prisma/migrations/*/migration.sql without Prisma's schema engine,
// a native binary that Prisma downloads from its own server, which our
// machines cannot reach (`prisma migrate deploy` fails there). The
// bookkeeping matches `prisma migrate deploy` (same table, checksum and
// advisory lock), so a real Prisma Migrate elsewhere agrees with this runner.
// Kept free of next/* so scripts and tests can import it.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The repo's migrations folder, found relative to this file so any cwd works. */
export const defaultMigrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/**
 * The key Prisma Migrate itself locks on: sharing it means this runner and a
 * real `prisma migrate deploy` can never run against one database at once.
 */
const MIGRATION_LOCK_KEY = 72707369;

// Prisma's own DDL for its bookkeeping table, so `prisma migrate status`
// reads our rows as its own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Error codes of {@link MigrationError}. */
export type MigrationErrorCode =
  /** A folder in the migrations directory has no migration.sql. */
  | "missing_sql"
  /** An earlier run failed (finished_at is null); someone must look first. */
  | "failed_migration"
  /** An applied migration's file changed since it was applied. */
  | "checksum_mismatch"
  /** Running a migration's SQL failed in this run. */
  | "migration_failed";

/** Thrown when migrations cannot be applied safely; nothing more is applied. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;

  constructor({ code, message, cause }: { code: MigrationErrorCode; message: string; cause?: unknown }) {
    super(message, { cause });
    this.name = "MigrationError";
    this.code = code;
  }
}

/** One migration folder as found on disk. */
export type MigrationFile = {
  /** The folder name, e.g. "20261129203000_dialogue_sources". */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma Migrate computes it. */
  checksum: string;
};

type ApplyMigrationsOptions = {
  databaseUrl: string;
  /** Defaults to the repo's prisma/migrations. */
  migrationsDir?: string;
  log?: (message: string) => void;
};

type ApplyMigrationsResult = {
  /** Names of the migrations applied by this call, in order. */
  applied: string[];
  /** How many migrations on disk were already applied before this call. */
  alreadyApplied: number;
};

type MigrationRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
};

/**
 * Applies pending migrations in name order, each in its own transaction,
 * while holding Prisma Migrate's advisory lock, and records each in
 * `_prisma_migrations`.
 *
 * Refuses (with {@link MigrationError}) to apply anything when an earlier
 * migration failed or when an applied migration's file was edited, because
 * migrations are never edited after they land: the database would silently
 * differ from what the file now says.
 */
export async function applyMigrations({
  databaseUrl,
  migrationsDir = defaultMigrationsDir,
  log = () => {},
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrationFiles({ migrationsDir });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await acquireMigrationLock({ client, log });
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      // Rows marked rolled back (`prisma migrate resolve --rolled-back`) no
      // longer count, exactly as in Prisma Migrate.
      const { rows } = await client.query<MigrationRow>(
        `SELECT id, migration_name, checksum, finished_at, logs
           FROM "_prisma_migrations"
          WHERE rolled_back_at IS NULL
          ORDER BY started_at`,
      );
      assertNoFailedMigration({ rows });
      const appliedRows = new Map(rows.map((row) => [row.migration_name, row]));
      assertChecksumsUnchanged({ migrations, appliedRows });

      const pending = migrations.filter((migration) => !appliedRows.has(migration.name));
      const applied: string[] = [];
      for (const migration of pending) {
        await applyMigration({ client, migration, log });
        applied.push(migration.name);
      }
      return { applied, alreadyApplied: migrations.length - pending.length };
    } finally {
      // If this fails the connection is gone, which frees the lock anyway;
      // don't let it hide the error that got us here.
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

/** Reads every `<name>/migration.sql` under `migrationsDir`, in name order. */
export async function readMigrationFiles({ migrationsDir }: { migrationsDir: string }): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Plain code-unit order, like Prisma: the timestamp prefix makes it chronological.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new MigrationError({
        code: "missing_sql",
        message: `Migration folder ${name} has no migration.sql (${file}).`,
        cause: error,
      });
    }
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: computeChecksum(bytes) });
  }
  return migrations;
}

/** sha256 hex of a migration script, the checksum Prisma Migrate stores. */
export function computeChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Prisma also accepts a checksum taken with the other line endings, because
 * git may check a file out with CRLF on Windows; we do the same so a checkout
 * there is not mistaken for an edited migration.
 */
function matchesChecksum({ sql, checksum }: { sql: string; checksum: string }): boolean {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\n", "\r\n")];
  return variants.some((variant) => computeChecksum(variant) === checksum);
}

async function acquireMigrationLock({ client, log }: { client: pg.Client; log: (message: string) => void }) {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    MIGRATION_LOCK_KEY,
  ]);
  if (rows[0]?.locked) return;
  log("Another process is migrating this database; waiting for it to finish.");
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
}

function assertNoFailedMigration({ rows }: { rows: MigrationRow[] }) {
  const failed = rows.filter((row) => row.finished_at === null);
  if (failed.length === 0) return;
  const details = failed
    .map((row) => `  - ${row.migration_name} (id ${row.id})${row.logs ? `: ${firstLine(row.logs)}` : ""}`)
    .join("\n");
  throw new MigrationError({
    code: "failed_migration",
    message:
      `Refusing to migrate: a previous migration failed and was never resolved:\n${details}\n` +
      `Fix the cause, make sure the database holds none of its changes, then mark it rolled back ` +
      `(what \`prisma migrate resolve --rolled-back <name>\` does): ` +
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '<id>';`,
  });
}

function assertChecksumsUnchanged({
  migrations,
  appliedRows,
}: {
  migrations: MigrationFile[];
  appliedRows: Map<string, MigrationRow>;
}) {
  const edited = migrations.filter((migration) => {
    const row = appliedRows.get(migration.name);
    return row !== undefined && !matchesChecksum({ sql: migration.sql, checksum: row.checksum });
  });
  if (edited.length === 0) return;
  const details = edited
    .map((migration) => {
      const row = appliedRows.get(migration.name);
      return `  - ${migration.name}: applied ${row?.checksum}, file now ${migration.checksum}`;
    })
    .join("\n");
  throw new MigrationError({
    code: "checksum_mismatch",
    message:
      `Refusing to migrate: migrations were edited after they were applied:\n${details}\n` +
      `Migrations are never edited after they land. Restore the original file and put the change in a new migration.`,
  });
}

async function applyMigration({
  client,
  migration,
  log,
}: {
  client: pg.Client;
  migration: MigrationFile;
  log: (message: string) => void;
}) {
  const id = randomUUID();
  const startedAt = new Date();
  const startedMs = performance.now();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, 0)`,
      [id, migration.checksum, migration.name, startedAt],
    );
    // No parameters, so pg uses the simple query protocol, which runs a
    // script of many statements.
    await client.query(migration.sql);
    // clock_timestamp(), not now(): now() is frozen at the transaction's start.
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = describeDatabaseError(error);
    // The transaction rolled the migration back, but we still record the
    // failure (finished_at null) as Prisma does, so every later run stops
    // until a person has looked at it instead of retrying blindly.
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs, applied_steps_count)
         VALUES ($1, $2, $3, $4, $5, 0)`,
        [id, migration.checksum, migration.name, startedAt, reason],
      )
      .catch(() => {});
    throw new MigrationError({
      code: "migration_failed",
      message:
        `Migration ${migration.name} failed and was rolled back: ${reason}\n` +
        `It is recorded as failed (id ${id}); after fixing it, mark it rolled back with ` +
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${id}';`,
      cause: error,
    });
  }
  log(`Applied ${migration.name} (${Math.round(performance.now() - startedMs)} ms)`);
}

function describeDatabaseError(error: unknown): string {
  if (error instanceof pg.DatabaseError) {
    const where = error.position ? ` at character ${error.position}` : "";
    return `${error.message} (SQLSTATE ${error.code}${where})`;
  }
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? "";
}
