// The integration globalSetup applied every migration to a fresh database;
// here we check that what they built is what schema.prisma describes, and
// that the runner's bookkeeping is what Prisma Migrate would have written.
import { randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, withDatabaseName } from "@/lib/db/database-url";
import { applyMigrations, computeChecksum, defaultMigrationsDir, readMigrationFiles } from "@/lib/db/migrate";
import { describeSchemaDrift, readDatabaseShape, readSchemaPrismaShape } from "@/test/support/schema-drift";

const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
const databaseUrl = inject("databaseUrl");

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe("the migrated database", () => {
  it("is the database the tests are told about, also through DATABASE_URL", () => {
    expect(process.env.DATABASE_URL).toBe(databaseUrl);
  });

  it("matches schema.prisma: tables, columns, types, nullability, indexes, foreign keys and enums", async () => {
    const expected = await readSchemaPrismaShape({ schemaText: await readFile(schemaPath, "utf8") });
    const actual = await readDatabaseShape({ client });

    // Guards against a reader that silently sees nothing, which would pass trivially.
    expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
    expect(expected.tables.Statement?.columns.search).toEqual({ type: "tsvector", isNullable: true });
    expect(expected.tables.Statement?.indexes).toContainEqual({
      columns: ["search"],
      isUnique: false,
      isPrimary: false,
      method: "gin",
    });

    expect(describeSchemaDrift(expected, actual)).toEqual([]);
  });

  it("keeps the tsvector search columns generated from the text", async () => {
    const { rows } = await client.query<{ table: string; expression: string }>(
      `SELECT c.relname::text AS table, pg_get_expr(d.adbin, d.adrelid) AS expression
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attname = 'search' AND a.attgenerated = 's'
        ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { table: "PlanSection", expression: "to_tsvector('english'::regconfig, text)" },
      { table: "Sentence", expression: "to_tsvector('english'::regconfig, text)" },
      { table: "Statement", expression: "to_tsvector('english'::regconfig, text)" },
      { table: "SummaryItem", expression: "to_tsvector('english'::regconfig, text)" },
    ]);
  });
});

describe("applyMigrations", () => {
  it("recorded one finished row per migration folder, with the file's sha256", async () => {
    const migrations = await readMigrationFiles({ migrationsDir: defaultMigrationsDir });
    const { rows } = await client.query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );

    expect(migrations.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, migration] of migrations.entries()) {
      const row = rows[index];
      const fileBytes = await readFile(path.join(defaultMigrationsDir, migration.name, "migration.sql"));
      expect(row?.checksum).toBe(computeChecksum(fileBytes));
      expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.rolled_back_at).toBeNull();
      expect(row?.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing when run again", async () => {
    const migrations = await readMigrationFiles({ migrationsDir: defaultMigrationsDir });
    const result = await applyMigrations({ databaseUrl });
    expect(result).toEqual({ applied: [], alreadyApplied: migrations.length });
  });

  it("refuses a migration whose file changed after it was applied, and changes nothing", async () => {
    const migrationsDir = await copyMigrations();
    try {
      const [first] = await readMigrationFiles({ migrationsDir });
      if (!first) throw new Error("expected at least one migration");
      await appendFile(path.join(migrationsDir, first.name, "migration.sql"), "\n-- edited after it landed\n");

      await expect(applyMigrations({ databaseUrl, migrationsDir })).rejects.toMatchObject({
        code: "checksum_mismatch",
        message: expect.stringContaining(first.name),
      });
      const { rows } = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
      expect(rows).toHaveLength((await readMigrationFiles({ migrationsDir: defaultMigrationsDir })).length);
    } finally {
      await rm(migrationsDir, { recursive: true, force: true });
    }
  });

  it("accepts the same file checked out with CRLF line endings, as Prisma does", async () => {
    const migrationsDir = await copyMigrations();
    try {
      for (const migration of await readMigrationFiles({ migrationsDir })) {
        const file = path.join(migrationsDir, migration.name, "migration.sql");
        await writeFile(file, migration.sql.replaceAll("\n", "\r\n"));
      }
      await expect(applyMigrations({ databaseUrl, migrationsDir })).resolves.toMatchObject({ applied: [] });
    } finally {
      await rm(migrationsDir, { recursive: true, force: true });
    }
  });

  describe("on a database of its own", () => {
    const scratchName = `gpa_test_${randomBytes(6).toString("hex")}_scratch`;
    const scratchUrl = withDatabaseName(databaseUrl, scratchName);

    beforeAll(async () => {
      await createDatabase({ adminUrl: databaseUrl, name: scratchName });
    });

    afterAll(async () => {
      await dropDatabase({ adminUrl: databaseUrl, name: scratchName });
    });

    it("lets only one of two concurrent runs apply each migration", async () => {
      const migrationsDir = await copyMigrations();
      try {
        const results = await Promise.all([
          applyMigrations({ databaseUrl: scratchUrl, migrationsDir }),
          applyMigrations({ databaseUrl: scratchUrl, migrationsDir }),
        ]);
        const names = (await readMigrationFiles({ migrationsDir })).map((migration) => migration.name);
        expect(results.flatMap((result) => result.applied).sort()).toEqual(names);
      } finally {
        await rm(migrationsDir, { recursive: true, force: true });
      }
    });

    it("rolls a failing migration back, records it as failed, and refuses to go on", async () => {
      const migrationsDir = await copyMigrations();
      const failingName = "99990101000000_failing";
      try {
        await mkdir(path.join(migrationsDir, failingName));
        await writeFile(
          path.join(migrationsDir, failingName, "migration.sql"),
          'CREATE TABLE "Half" ("id" TEXT);\nSELECT * FROM "NoSuchTable";\n',
        );

        await expect(applyMigrations({ databaseUrl: scratchUrl, migrationsDir })).rejects.toMatchObject({
          code: "migration_failed",
        });

        const scratch = new pg.Client({ connectionString: scratchUrl });
        await scratch.connect();
        try {
          const half = await scratch.query(`SELECT to_regclass('"Half"') AS half`);
          expect(half.rows[0]).toEqual({ half: null });
          const failed = await scratch.query(
            `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = $1`,
            [failingName],
          );
          expect(failed.rows).toEqual([{ finished_at: null, logs: expect.stringContaining("NoSuchTable") }]);

          // Even without the failing folder, the recorded failure blocks further runs.
          await rm(path.join(migrationsDir, failingName), { recursive: true });
          await expect(applyMigrations({ databaseUrl: scratchUrl, migrationsDir })).rejects.toMatchObject({
            code: "failed_migration",
            message: expect.stringContaining(failingName),
          });

          // Marking it rolled back, as `prisma migrate resolve --rolled-back` does, unblocks them.
          await scratch.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [
            failingName,
          ]);
          await expect(applyMigrations({ databaseUrl: scratchUrl, migrationsDir })).resolves.toMatchObject({
            applied: [],
          });
        } finally {
          await scratch.end();
        }
      } finally {
        await rm(migrationsDir, { recursive: true, force: true });
      }
    });
  });
});

/** A throwaway copy of prisma/migrations that a test may edit. */
async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gpa-migrations-"));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}
