// Vitest globalSetup for the end-to-end project: a fresh database with the
// bundled dialogue imported, a production build, `next start` and the
// collaboration server on free ports — the same way `npm start` serves the app.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import path from "node:path";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { checkChromium } from "@/test/support/chromium";
import { buildProduction, serveProduction } from "@/test/support/production-server";
import type { ProductionStack } from "@/test/support/production-server";
import { createTestDatabase } from "@/test/support/test-database";
import { seedDemoAccounts } from "@/lib/users/seed-demo-accounts";
import { seedPlan } from "@/lib/plan/seed-plan";
import { DEMO_PASSWORD } from "@/test/support/accounts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the app under test is served, e.g. http://localhost:41234. */
    baseUrl: string;
    /** False when Chromium is missing outside CI: the tests then skip. */
    hasBrowser: boolean;
    /** The database the served app uses, for checking what a request wrote. */
    databaseUrl: string;
    /** Port of the collaboration server the app points browsers at. */
    collabPort: number;
    /** The plan seeded with the demo data, for read-only checks; a test that writes creates its own (createPlan). */
    demoPlanId: string;
  }
}

export const SEED_DIALOGUE = "prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md";

type ServedApp = { baseUrl: string; databaseUrl: string; collabPort: number; demoPlanId: string };

/**
 * One served app per run, whichever projects use it: the end-to-end files that run side by side, those that run
 * alone after them, and the security files (vitest.config.ts). Global setups all run in vitest's main process, so a
 * global symbol is shared by them; the last project to finish stops the app.
 */
const SHARED = Symbol.for("gpa.e2e.served-app");
type Shared = { ready: Promise<{ app: ServedApp; stop: () => Promise<void> }>; users: number };

export default async function setupEndToEnd(project: TestProject): Promise<() => Promise<void>> {
  const hasBrowser = checkChromium();
  project.provide("hasBrowser", hasBrowser);
  project.provide("baseUrl", "");
  if (!hasBrowser) return async () => {};

  const registry = globalThis as unknown as Record<symbol, Shared | undefined>;
  const shared = (registry[SHARED] ??= { ready: serveApp(), users: 0 });
  shared.users += 1;
  const { app, stop } = await shared.ready;
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", app.databaseUrl);
  project.provide("collabPort", app.collabPort);
  project.provide("demoPlanId", app.demoPlanId);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    registry[SHARED] = undefined;
    await stop();
  };
}

/** A fresh database with the seed dialogue, demo accounts and demo plan; a production build (unless skipped); served. */
async function serveApp(): Promise<{ app: ServedApp; stop: () => Promise<void> }> {
  const database = await createTestDatabase();
  let stack: ProductionStack | null = null;
  try {
    process.env.DATABASE_URL = database.url;
    const input = await readDialogueFile(SEED_DIALOGUE);
    await importDialogue({ prisma: getPrisma(), ...input, sourceName: path.basename(SEED_DIALOGUE) });
    await seedDemoAccounts({ prisma: getPrisma(), password: DEMO_PASSWORD });
    const { planId: demoPlanId } = await seedPlan({ dialogueId: (await getPrisma().dialogue.findFirstOrThrow()).id });
    await disconnectPrisma();
    if (process.env.E2E_SKIP_BUILD !== "1") await buildProduction();
    stack = await serveProduction({ databaseUrl: database.url });
    const served = stack;
    return {
      app: { baseUrl: served.baseUrl, databaseUrl: database.url, collabPort: served.collabPort, demoPlanId },
      stop: async () => {
        await served.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await stack?.stop();
    await database.drop();
    throw error;
  }
}
