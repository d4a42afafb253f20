// Vitest globalSetup for the end-to-end project: a fresh database with the
// bundled dialogue imported, a production build, `next start` and the
// collaboration server on free ports — the same way `npm start` serves the app.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { terminateChild } from "@/lib/cli/terminate-child";
import path from "node:path";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { checkChromium } from "@/test/support/chromium";
import { findFreePort } from "@/test/support/free-port";
import { createTestDatabase } from "@/test/support/test-database";
import { seedDemoAccounts } from "@/lib/users/seed-demo-accounts";
import { seedPlan } from "@/lib/plan/seed-plan";
import { DEMO_PASSWORD, TEST_AUTH_SECRET } from "@/test/support/accounts";

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
  }
}

export const SEED_DIALOGUE = "prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export default async function setupEndToEnd(project: TestProject): Promise<() => Promise<void>> {
  const hasBrowser = checkChromium();
  project.provide("hasBrowser", hasBrowser);
  project.provide("baseUrl", "");
  if (!hasBrowser) return async () => {};

  const database = await createTestDatabase();
  let server: ChildProcess | null = null;
  let collab: ChildProcess | null = null;
  try {
    process.env.DATABASE_URL = database.url;
    const input = await readDialogueFile(SEED_DIALOGUE);
    await importDialogue({ prisma: getPrisma(), ...input, sourceName: path.basename(SEED_DIALOGUE) });
    await seedDemoAccounts({ prisma: getPrisma(), password: DEMO_PASSWORD });
    await seedPlan({ dialogueId: (await getPrisma().dialogue.findFirstOrThrow()).id });
    await disconnectPrisma();
    if (process.env.E2E_SKIP_BUILD !== "1") await run(process.execPath, [NEXT_BIN, "build"]);
    const port = await findFreePort();
    const collabPort = await findFreePort();
    // One host name throughout: cookies set on localhost are not sent to 127.0.0.1.
    const baseUrl = `http://localhost:${port}`;
    collab = spawn(process.execPath, ["--import", "tsx", "scripts/collab.ts"], {
      env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: TEST_AUTH_SECRET, COLLAB_PORT: String(collabPort), COLLAB_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "inherit", "inherit"],
    });
    server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
      env: {
        ...process.env, DATABASE_URL: database.url, NODE_ENV: "production", AUTH_SECRET: TEST_AUTH_SECRET, NEXTAUTH_URL: baseUrl,
        COLLAB_URL: `ws://localhost:${collabPort}`,
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForHttp(baseUrl, 60_000);
    await waitForHttp(`http://127.0.0.1:${collabPort}`, 30_000);
    project.provide("baseUrl", baseUrl);
    project.provide("databaseUrl", database.url);
    project.provide("collabPort", collabPort);
  } catch (error) {
    server?.kill("SIGTERM");
    collab?.kill("SIGTERM");
    await database.drop();
    throw error;
  }
  return async () => {
    await Promise.all([terminateChild(server), terminateChild(collab)]);
    await database.drop();
  };
}


async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`${args.join(" ")} failed:\n${output}`);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
