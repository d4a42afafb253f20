/**
 * The one setup of an integration file's database (kept apart from
 * seed-database.ts, which the benchmarks import outside Vitest).
 */
import { afterAll, beforeAll } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { clearDatabase, resetToSeedDialogue } from "./seed-database";

/**
 * The bundled dialogue alone before the file's tests, an empty database and Prisma disconnected after them, so the
 * next file starts from the same state. Call it before the file's own hooks: theirs then run inside it.
 */
export function setUpSeedDialogue(): void {
  beforeAll(resetToSeedDialogue);
  afterAll(async () => {
    await clearDatabase();
    await disconnectPrisma();
  });
}
