/**
 * The fault tests' own database: a new embedded PostgreSQL (temp dir, free
 * port) that the test may stop and start, migrated, with the bundled
 * dialogue imported and a plan seeded from it, and a facilitator to edit it.
 * getPrisma() in the test process points at it (through DATABASE_URL).
 */
import { disconnectPrisma } from "@/lib/db";
import { seedPlan } from "@/lib/plan/seed-plan";
import { createTestUser } from "./collab";
import { resetToSeedDialogue, SEED_DIALOGUE_ID } from "./seed-database";
import { createEmbeddedTestDatabase } from "./test-database";
import type { RestartableTestDatabase } from "./test-database";

export type FaultDatabase = {
  database: RestartableTestDatabase;
  planId: string;
  facilitator: { id: string; token: string };
  /** Closes the test's pool, stops the server and deletes its files. */
  tearDown: () => Promise<void>;
};

export async function setUpFaultDatabase(): Promise<FaultDatabase> {
  const database = await createEmbeddedTestDatabase();
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  const tearDown = async () => {
    await disconnectPrisma();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await database.drop();
  };
  try {
    await resetToSeedDialogue();
    const { planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID });
    return { database, planId, facilitator: await createTestUser("facilitator"), tearDown };
  } catch (error) {
    await tearDown().catch(() => {});
    throw error;
  }
}
