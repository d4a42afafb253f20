/**
 * One collaboration server for bench/collab-latency.ts, in its own process so
 * that the server's CPU is not the clients' CPU. Forked with an IPC channel:
 *
 *   node --import tsx bench/collab-server-child.ts ours|bare
 *
 * "ours" is startCollabServer with its production defaults (authentication,
 * PostgreSQL persistence on a 1 s / 5 s debounce; DATABASE_URL and AUTH_SECRET
 * from the environment); "bare" is a plain Hocuspocus Server with no
 * extensions, the floor ours is compared with. Both listen on a free port and
 * report it; the parent then asks for {type: "stats"} and finally {type: "stop"}.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Server } from "@hocuspocus/server";
import { startCollabServer } from "@/lib/collab/server";
import { disconnectPrisma } from "@/lib/db";

export type ChildKind = "ours" | "bare";
export type ChildRequest = { type: "stats" } | { type: "reset-stats" } | { type: "stop" };
export type ChildStats = {
  rss: number;
  peakRss: number;
  heapUsed: number;
  heapTotal: number;
  cpuMs: number;
  stores: number;
  storeMaxMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
};
export type ChildReply = { type: "ready"; port: number } | ({ type: "stats" } & ChildStats) | { type: "stopped" };

async function main(kind: ChildKind): Promise<void> {
  let stores = 0;
  let storeMaxMs = 0;
  const server =
    kind === "ours"
      ? await startOurs((ms) => {
          stores++;
          storeMaxMs = Math.max(storeMaxMs, ms);
        })
      : await startBare();
  let peakRss = process.memoryUsage.rss();
  let cpuFrom = process.cpuUsage();
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  // A long synchronous stretch (a store's encoding, say) holds up every broadcast behind it.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on("message", (request: ChildRequest) => {
    if (request.type === "reset-stats") {
      peakRss = process.memoryUsage.rss();
      cpuFrom = process.cpuUsage();
      stores = 0;
      storeMaxMs = 0;
      loop.reset();
      return;
    }
    if (request.type === "stats") {
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage(cpuFrom);
      peakRss = Math.max(peakRss, memory.rss);
      reply({
        type: "stats",
        rss: memory.rss,
        peakRss,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        cpuMs: (cpu.user + cpu.system) / 1000,
        stores,
        storeMaxMs,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
      });
      return;
    }
    clearInterval(timer);
    void server.stop().finally(async () => {
      await disconnectPrisma().catch(() => {});
      reply({ type: "stopped" });
      process.exit(0);
    });
  });
  reply({ type: "ready", port: server.port });
}

async function startOurs(onStore: (ms: number) => void): Promise<{ port: number; stop: () => Promise<void> }> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const server = await startCollabServer({
    port: 0,
    secret,
    log: () => {},
    maxDebounceMs: Number(process.env.BENCH_MAX_DEBOUNCE ?? 5000),
  });
  // Times each store, from before every other onStoreDocument hook (hooks run
  // in the order of this list, read at each call) to after the last afterStoreDocument.
  let startedAt = 0;
  server.hocuspocus.configuration.extensions.unshift({
    async onStoreDocument() {
      startedAt = performance.now();
    },
  });
  server.hocuspocus.configuration.extensions.push({
    async afterStoreDocument() {
      onStore(performance.now() - startedAt);
    },
  });
  return server;
}

async function startBare(): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = new Server({ port: 0, quiet: true, stopOnSignals: false });
  await server.listen();
  return { port: server.address.port, stop: () => server.destroy() };
}

function reply(message: ChildReply): void {
  process.send?.(message);
}

const kind = process.argv[2];
if (kind !== "ours" && kind !== "bare") {
  console.error("usage: node --import tsx bench/collab-server-child.ts ours|bare");
  process.exit(2);
}
main(kind).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
