// Vitest globalSetup for the integration project: one fresh, migrated
// database per run (see createTestDatabase), dropped when the run ends.
// Type-only and empty: it makes TypeScript resolve "vitest" so the
// augmentation below applies, without loading vitest's runtime here.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/test/support/test-database";

declare module "vitest" {
  // Module augmentation only works with an interface, hence not a `type`.
  export interface ProvidedContext {
    /** URL of the run's test database; read it with `inject("databaseUrl")`. */
    databaseUrl: string;
  }
}

/** Creates the run's database and returns the teardown that drops it. */
export default async function setupIntegrationDatabase(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  const previousUrl = process.env.DATABASE_URL;
  project.provide("databaseUrl", database.url);
  // Also through the environment, for code under test that reads
  // DATABASE_URL itself, such as getPrisma() in lib/db.ts.
  process.env.DATABASE_URL = database.url;

  return async () => {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await database.drop();
  };
}
