/**
 * `npm run collab`: the collaboration (WebSocket) server on its own.
 * `npm start` runs it next to Next.js; production runs it as its own service.
 * Needs DATABASE_URL and the app's AUTH_SECRET (or the one npm start keeps
 * under GPA_DATA_DIR). SIGTERM or Ctrl-C saves every pending edit, then exits.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { startCollabServer } from "@/lib/collab/server";
import type { CollabServer } from "@/lib/collab/server";
import { disconnectPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";

let server: CollabServer | null = null;
let isStopping = false;

async function main(): Promise<void> {
  const env = readEnv();
  stopWithParent(Number(env.COLLAB_PARENT_PID));
  if (!env.DATABASE_URL)
    throw new Error("DATABASE_URL is not set: the collaboration server stores documents in PostgreSQL.");
  const secret =
    env.AUTH_SECRET ?? (await readFile(path.resolve(env.GPA_DATA_DIR, "auth-secret"), "utf8").catch(() => "")).trim();
  if (secret.length < 32)
    throw new Error(
      "AUTH_SECRET is not set (and npm start has not generated one under GPA_DATA_DIR): it must be the app's own.",
    );
  server = await startCollabServer({
    port: env.COLLAB_PORT,
    host: env.COLLAB_HOST,
    secret,
    redisUrl: env.REDIS_URL,
    databaseUrl: env.DATABASE_URL,
    autoSnapshotMs: env.AUTO_SNAPSHOT_MINUTES * 60_000,
  });
  console.log(
    `[collab] listening on ws://${env.COLLAB_HOST}:${server.port}${env.REDIS_URL ? " (sharing documents through Redis)" : ""}`,
  );
}

async function stop(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  console.log(`[collab] ${signal}: saving pending edits`);
  // A backstop: stores give up after 8 s of an unreachable database
  // (lib/collab/store-retry.ts); nothing else should keep us much longer.
  setTimeout(() => {
    console.error("[collab] stop took too long; exiting anyway");
    process.exit(1);
  }, 20_000).unref();
  await server?.stop().catch((error) => console.error(`[collab] stop failed: ${(error as Error).message}`));
  await disconnectPrisma().catch(() => {});
  console.log("[collab] stopped");
  process.exit(0);
}

/**
 * Started by another process (npm start, the test setup) with its pid: if
 * that process dies without stopping us (SIGKILL), stop too, rather than
 * live on as an orphan holding the port.
 */
function stopWithParent(parentPid: number): void {
  if (!parentPid) return;
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      void stop("parent gone");
    }
  }, 2000).unref();
}

process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

main().catch((error) => {
  console.error(`[collab] ✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
