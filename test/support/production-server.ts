/**
 * The app as production serves it, for the end-to-end tests and the
 * benchmarks that need a real browser or real HTTP load: a `next build`,
 * `next start` and the collaboration server, each a child process on a free
 * loopback port. One place, so the tests and the benchmarks measure the
 * same thing.
 */
import { spawn } from "node:child_process";
import type { ChildProcess, StdioOptions } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { terminateChild } from "@/lib/cli/terminate-child";
import { TEST_AUTH_SECRET } from "./accounts";
import { findFreePort } from "./free-port";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const BUILD_ID = path.join(".next", "BUILD_ID");
/** What a production build is made from: if any is newer than the build, the build is stale. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

/** `next build`, failing with its output. */
export async function buildProduction(): Promise<void> {
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    // npm test runs `tsc --noEmit` before any suite: the build skips its own type check (next.config.js).
    env: { ...process.env, NODE_ENV: "production", GPA_TYPES_CHECKED: process.env.CI === "true" ? "1" : "" },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed:\n${output}`);
}

/** True when .next holds a build newer than every source file it was made from. */
export function isBuildCurrent(): boolean {
  if (!existsSync(BUILD_ID)) return false;
  const builtAt = statSync(BUILD_ID).mtimeMs;
  return BUILD_INPUTS.every((input) => newestModification(input) < builtAt);
}

function newestModification(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = readdirSync(file).filter((name) => name !== "generated");
  return Math.max(stat.mtimeMs, ...entries.map((name) => newestModification(path.join(file, name))));
}

/** Builds unless the build in .next is current; says which. */
export async function ensureProductionBuild(log: (message: string) => void): Promise<void> {
  if (isBuildCurrent()) return log("the production build in .next is current");
  log("building for production (next build) …");
  await buildProduction();
}

/** `next start` on `port`, against `databaseUrl`, pointing browsers at the collab server on `collabPort`. */
export function spawnNextStart({
  port,
  databaseUrl,
  collabPort,
  stdio = ["ignore", "inherit", "inherit"],
}: {
  port: number;
  databaseUrl: string;
  collabPort: number;
  stdio?: StdioOptions;
}): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      AUTH_SECRET: TEST_AUTH_SECRET,
      // One host name throughout: cookies set on localhost are not sent to 127.0.0.1.
      NEXTAUTH_URL: `http://localhost:${port}`,
      COLLAB_URL: `ws://localhost:${collabPort}`,
    },
    stdio,
  });
}

/** `npm run collab` as production runs it, on `port`; it exits with this process. */
export function spawnCollab({
  port,
  databaseUrl,
  stdio = ["ignore", "inherit", "inherit"],
}: {
  port: number;
  databaseUrl: string;
  stdio?: StdioOptions;
}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/collab.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      COLLAB_PORT: String(port),
      COLLAB_PARENT_PID: String(process.pid),
      // No automatic versions: a tick mid-run would write audit rows while a serial test counts every table. The
      // integration suite tests them with a collab server of its own (test/integration/versions.test.ts).
      AUTO_SNAPSHOT_MINUTES: "0",
    },
    stdio,
  });
}

/** Resolves once `url` answers below 500; fails if `child` exits first or time runs out. */
export async function waitForHttp(
  url: string,
  { timeoutMs, child }: { timeoutMs: number; child?: ChildProcess | null },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process serving ${url} exited with ${child.exitCode}`);
    const response = await fetch(url).catch(() => null);
    if (response && response.status < 500) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A served production build: the app and its collab server. */
export type ProductionStack = {
  baseUrl: string;
  collabPort: number;
  app: ChildProcess;
  collab: ChildProcess;
  stop: () => Promise<void>;
};

/** Serves the current build against `databaseUrl`, on free ports, and waits until both servers answer. */
export async function serveProduction({
  databaseUrl,
  stdio,
}: {
  databaseUrl: string;
  stdio?: StdioOptions;
}): Promise<ProductionStack> {
  const port = await findFreePort();
  const collabPort = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const collab = spawnCollab({ port: collabPort, databaseUrl, stdio });
  const app = spawnNextStart({ port, databaseUrl, collabPort, stdio });
  const stop = async () => void (await Promise.all([terminateChild(app), terminateChild(collab)]));
  try {
    await waitForHttp(baseUrl, { timeoutMs: 60_000, child: app });
    await waitForHttp(`http://127.0.0.1:${collabPort}/healthz`, { timeoutMs: 30_000, child: collab });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, collabPort, app, collab, stop };
}
