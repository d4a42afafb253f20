// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (unset: npm start's embedded database). We cannot
// use `prisma migrate deploy` here because its schema engine cannot be
// downloaded on our machines; lib/db/migrate.ts keeps the same bookkeeping.
import { openCliDatabase } from "@/lib/db/cli-database";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";

async function runMigrate(): Promise<number> {
  let database;
  try {
    database = await openCliDatabase();
  } catch (error) {
    console.error(
      `${(error as Error).message}, e.g.\n  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/gpa npm run db:migrate`,
    );
    return 1;
  }
  const databaseUrl = database.url;
  try {
    const { applied, alreadyApplied } = await applyMigrations({
      databaseUrl,
      log: (message) => console.log(message),
    });
    const summary =
      applied.length === 0
        ? `Nothing to apply: all ${alreadyApplied} migration(s) were already applied.`
        : `Applied ${applied.length} migration(s); ${alreadyApplied} were already applied.`;
    console.log(summary);
    return 0;
  } catch (error) {
    // A MigrationError's message already says what to do; other errors
    // (e.g. the server is down) keep their stack for debugging.
    console.error(error instanceof MigrationError ? error.message : error);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await runMigrate();
