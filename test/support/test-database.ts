import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase, withDatabaseName } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { findFreePort } from "@/test/support/free-port";

/** A migrated database that only this test run uses. */
export type TestDatabase = {
  url: string;
  /** Drops the database, and stops and deletes an embedded server if one was started. */
  drop: () => Promise<void>;
};

/**
 * Creates a fresh database named `gpa_test_<random>` with every migration
 * applied: on the server of DATABASE_URL when it is set (CI, or a developer's
 * own PostgreSQL), otherwise on an embedded PostgreSQL started in a new temp
 * dir on a free port, so tests never touch a database someone cares about.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `gpa_test_${randomBytes(6).toString("hex")}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    // The given database is only used to run CREATE/DROP DATABASE.
    await createDatabase({ adminUrl: serverUrl, name });
    const drop = () => dropDatabase({ adminUrl: serverUrl, name });
    return migrateOrCleanUp({ url: withDatabaseName(serverUrl, name), drop });
  }
  return createEmbeddedTestDatabase({ name });
}

/** A test database on its own embedded server, which the test may stop and start again (fault tests). */
export type RestartableTestDatabase = TestDatabase & {
  /** Stops PostgreSQL (fast shutdown: sessions are cut); the data is kept. */
  stopServer: () => Promise<void>;
  /** Starts it again on the same port and data dir. */
  startServer: () => Promise<void>;
};

/**
 * Like createTestDatabase, but always on a new embedded PostgreSQL (in a temp
 * dir, on a free port), ignoring DATABASE_URL: the test owns the server and
 * can take it down.
 */
export async function createEmbeddedTestDatabase({
  name = `gpa_test_${randomBytes(6).toString("hex")}`,
}: { name?: string } = {}): Promise<RestartableTestDatabase> {
  // Imported only here so runs against DATABASE_URL never look for the binaries.
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const tempDir = await mkdtemp(path.join(tmpdir(), "gpa-test-pg-"));
  const removeTempDir = () => rm(tempDir, { recursive: true, force: true });

  const dataDir = path.join(tempDir, "data");
  const port = await findFreePort();
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    server = await startEmbeddedPostgres({ dataDir, port });
  } catch (error) {
    await removeTempDir();
    throw error;
  }
  const stopServer = () => server.stop();
  const startServer = async () => {
    server = await startEmbeddedPostgres({ dataDir, port });
  };
  const drop = async () => {
    try {
      await dropDatabase({ adminUrl: server.adminUrl, name });
    } finally {
      await server.stop();
      await removeTempDir();
    }
  };
  try {
    await server.ensureDatabase(name);
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...(await migrateOrCleanUp({ url: server.urlFor(name), drop })), stopServer, startServer };
}

async function migrateOrCleanUp(database: TestDatabase): Promise<TestDatabase> {
  try {
    await applyMigrations({ databaseUrl: database.url });
    return database;
  } catch (error) {
    await database.drop().catch(() => {});
    throw error;
  }
}
