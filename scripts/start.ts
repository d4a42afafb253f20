/**
 * `npm start`: the whole app on one command.
 *   1. database  — DATABASE_URL, or an embedded PostgreSQL under .data/postgres
 *   2. migrate   — prisma/migrations through our runner
 *   3. dialogue  — imports the bundled dialogue(s) unless already there
 *   4. build     — `next build` when no build exists
 *   5. serve     — `next start` on PORT, and the collaboration server on COLLAB_PORT
 * Each step prints one line. Ctrl-C or SIGTERM stops both servers (the collab
 * server saves pending edits first), then PostgreSQL.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { terminateChild } from "@/lib/cli/terminate-child";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { formatDialogueError, readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { EmbeddedPostgresServer } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { childEnv, isEnvSet, readEnv, setEnv } from "@/lib/env";
import { seedPlan } from "@/lib/plan/seed-plan";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "@/lib/users/seed-demo-accounts";
import type { TEnv } from "@/lib/env";

const ROOT = process.cwd();
const ENV = readEnvOrExit();
const DATA_DIR = path.resolve(ROOT, ENV.GPA_DATA_DIR);
const SEED_DIR = path.join(ROOT, "prisma", "seed");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const COLLAB_ENTRY = path.join(ROOT, "scripts", "collab.ts");

let embedded: EmbeddedPostgresServer | null = null;
let server: ChildProcess | null = null;
let collab: ChildProcess | null = null;
let isStopping = false;

function readEnvOrExit(): TEnv {
  try {
    return readEnv();
  } catch (error) {
    console.error(`✖ ${(error as Error).message}`);
    process.exit(1);
  }
}

function step(name: string, message: string): void {
  console.log(`▸ ${name.padEnd(9)} ${message}`);
}

async function main(): Promise<void> {
  // First, so a production start without a secret fails before touching anything.
  const authSecret = await resolveAuthSecret();
  const databaseUrl = ENV.DATABASE_URL ?? (await startEmbeddedDatabase(ENV.EMBEDDED_PG_PORT));
  if (ENV.DATABASE_URL) step("database", `DATABASE_URL ${describeDatabase(ENV.DATABASE_URL)}`);
  setEnv("DATABASE_URL", databaseUrl);

  const { applied, alreadyApplied } = await applyMigrations({ databaseUrl });
  step("migrate", `${applied.length} applied, ${alreadyApplied} already up to date`);

  await importBundledDialogues();
  await seedPlansForDialogues();
  await seedDemoAccountsIfWanted();
  await disconnectPrisma();
  await buildIfMissing();

  const collabUrl = ENV.COLLAB_URL ?? `ws://localhost:${ENV.COLLAB_PORT}`;
  if (ENV.START_COLLAB === "1") {
    collab = spawn(process.execPath, ["--import", "tsx", COLLAB_ENTRY], {
      stdio: "inherit",
      env: childEnv({
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: authSecret,
        COLLAB_PORT: String(ENV.COLLAB_PORT),
        COLLAB_PARENT_PID: String(process.pid),
      }),
    });
    collab.on("exit", (code, signal) => void stop(signal ? 0 : (code ?? 0)));
    step("collab", `${collabUrl} (saves to PostgreSQL${ENV.REDIS_URL ? ", shares documents through Redis" : ""})`);
  } else {
    step("collab", `not started here (START_COLLAB=0): browsers use ${collabUrl}`);
  }
  step("serve", `http://localhost:${ENV.PORT} (Ctrl-C to stop)`);
  server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(ENV.PORT)], {
    stdio: "inherit",
    env: childEnv({
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      AUTH_SECRET: authSecret,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: ENV.NEXTAUTH_URL ?? `http://localhost:${ENV.PORT}`,
      COLLAB_URL: collabUrl,
    }),
  });
  server.on("exit", (code, signal) => void stop(signal ? 0 : (code ?? 0)));
}

/** host:port/name of a database URL, never its password. */
function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`;
}

async function startEmbeddedDatabase(port: number): Promise<string> {
  const dataDir = path.join(DATA_DIR, "postgres");
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  await mkdir(DATA_DIR, { recursive: true });
  embedded = await startEmbeddedPostgres({ dataDir, port });
  await embedded.ensureDatabase("gpa");
  step(
    "database",
    `embedded PostgreSQL on 127.0.0.1:${port}, ${isNew ? "new data" : "existing data"} in ${path.relative(ROOT, dataDir)}`,
  );
  return embedded.urlFor("gpa");
}

async function importBundledDialogues(): Promise<void> {
  const files = (await readdir(SEED_DIR)).filter((f) => f.endsWith(".md")).sort();
  const results: string[] = [];
  for (const file of files) {
    const filePath = path.join(SEED_DIR, file);
    let input: Awaited<ReturnType<typeof readDialogueFile>>;
    try {
      input = await readDialogueFile(filePath);
    } catch (error) {
      throw new Error(formatDialogueError(filePath, error));
    }
    const result = await importDialogue({ prisma: getPrisma(), ...input, sourceName: file });
    results.push(`${result.dialogueId} ${result.status === "unchanged" ? "already imported" : result.status}`);
  }
  step("dialogue", results.join("; ") || "no bundled dialogue found");
}

/** A draft plan for every dialogue that has none yet; existing plans are never touched. */
async function seedPlansForDialogues(): Promise<void> {
  const dialogues = await getPrisma().dialogue.findMany({ select: { id: true } });
  const results = [];
  for (const { id } of dialogues) results.push(await seedPlan({ dialogueId: id }));
  const created = results.filter((r) => r.status === "created");
  step(
    "plan",
    created.length
      ? `seeded ${created.map((r) => `${r.sections} sections, ${r.confirmedLinks} confirmed links`).join("; ")}`
      : `${results.length} plan(s) already seeded`,
  );
}

/**
 * AUTH_SECRET signs the session cookies. Production must set it (a secret
 * generated on the server would change with every container). Elsewhere one
 * is generated once and kept under the data folder, so sessions survive restarts.
 */
async function resolveAuthSecret(): Promise<string> {
  if (ENV.AUTH_SECRET) return ENV.AUTH_SECRET;
  if (ENV.NODE_ENV === "production" && ENV.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is required in production: set it to a random string of 32+ characters (openssl rand -base64 32).",
    );
  }
  const file = path.join(DATA_DIR, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) {
    step("secret", `AUTH_SECRET from ${path.relative(ROOT, file)}`);
    return existing.trim();
  }
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  step("secret", `generated AUTH_SECRET in ${path.relative(ROOT, file)}`);
  return secret;
}

/** Demo accounts in embedded mode or with DEMO=1; never in production without DEMO=1. */
async function seedDemoAccountsIfWanted(): Promise<void> {
  const isWanted = (!ENV.DATABASE_URL || ENV.DEMO === "1") && !(ENV.NODE_ENV === "production" && ENV.DEMO !== "1");
  if (!isWanted) return;
  const created = await seedDemoAccounts({ prisma: getPrisma(), password: ENV.DEMO_PASSWORD });
  const password = isEnvSet("DEMO_PASSWORD") ? "DEMO_PASSWORD" : `"${ENV.DEMO_PASSWORD}"`;
  step(
    "accounts",
    `${created.length} demo accounts created; password ${password}: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`,
  );
}

/** Builds once; later starts reuse the build. `npm run build` rebuilds after a code change. */
async function buildIfMissing(): Promise<void> {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    step("build", "using the existing build in .next (npm run build rebuilds)");
    return;
  }
  step(
    "build",
    `no build found: running next build (about a minute), log in ${path.relative(ROOT, DATA_DIR)}/build.log`,
  );
  await mkdir(DATA_DIR, { recursive: true });
  const log = createWriteStream(path.join(DATA_DIR, "build.log"));
  const build = spawn(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv({ NODE_ENV: "production" }),
  });
  build.stdout.pipe(log);
  build.stderr.pipe(log);
  const code = await new Promise<number>((resolve) => build.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed: see ${path.join(DATA_DIR, "build.log")}`);
}

async function stop(exitCode: number): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  // Both at once; the collab server saves pending edits before it exits.
  await Promise.all([terminateChild(server), terminateChild(collab)]);
  await disconnectPrisma().catch(() => {});
  if (embedded) {
    await embedded.stop();
    console.log("▸ stopped   servers and PostgreSQL");
  }
  process.exit(exitCode);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

main().catch(async (error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
});
