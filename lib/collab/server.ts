/**
 * The collaboration server: Hocuspocus with our authentication and
 * persistence, and Redis fan-out when REDIS_URL is set. Runs as its own
 * process (scripts/collab.ts); must not import next/*.
 */
import { Redis } from "@hocuspocus/extension-redis";
import IORedis from "ioredis";
import { Server } from "@hocuspocus/server";
import type { Extension, Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { AppError } from "@/lib/errors";
import { authenticateCollab, CollabAccessDenied } from "./authenticate";
import { startAutoSnapshots } from "./auto-snapshots";
import type { AutoSnapshots } from "./auto-snapshots";
import type { CollabAccess } from "./authenticate";
import { listenForThreads } from "./anchor-threads";
import { parseSectionDocumentName } from "./document-name";
import { recheckConnections } from "./recheck-connections";
import type { SectionDocument } from "./document-name";
import { loadSectionState, rehearseStore, storeSectionState } from "./section-state";
import { createStoreRetry, StoreAbandoned } from "./store-retry";
import type { StoreRetry } from "./store-retry";

export type CollabServerOptions = {
  port: number;
  /** AUTH_SECRET: verifies the tokens the Next app signs. */
  secret: string;
  redisUrl?: string;
  /** Quiet period before a store, and the longest a busy document waits. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** Where new comment threads are announced (LISTEN/NOTIFY); without it, threads are not anchored. */
  databaseUrl?: string;
  /** How often open connections' users are read again (see recheck-connections.ts). */
  recheckMs?: number;
  /** How often plans being edited get an automatic version (default 10 minutes; 0: never). */
  autoSnapshotMs?: number;
  /** On stop(), how long stores keep retrying an unreachable database before giving up (default 8 s). */
  shutdownStoreMs?: number;
  /** Backoff of a store retried while the database is unreachable (default 0.5 s doubling to 5 s). */
  storeRetryMs?: { initial: number; max: number };
  name?: string;
  log?: (line: string) => void;
};

export type CollabServer = {
  port: number; hocuspocus: Hocuspocus; stop: () => Promise<void>; flush: () => Promise<void>; recheck: () => Promise<number>;
  /** Takes the automatic versions due now, as the timer does. */
  snapshot: () => Promise<string[]>;
};

type Context = CollabAccess;

function sectionOf(documentName: string): SectionDocument {
  const section = parseSectionDocumentName(documentName);
  if (!section) throw new Error(`not a section document: ${documentName}`);
  return section;
}

/** Our hooks: who may connect (read-write or read-only), where documents come from and go to. */
function gpaExtension({ secret, log, snapshots, storeRetry }: { secret: string; log: (line: string) => void; snapshots: AutoSnapshots; storeRetry: StoreRetry }): Extension {
  return {
    extensionName: "gpa",
    async onAuthenticate({ token, documentName, connectionConfig }) {
      try {
        const access = await authenticateCollab({ token, documentName, secret });
        connectionConfig.readOnly = access.readOnly;
        return access;
      } catch (error) {
        log(`refused ${documentName}: ${error instanceof CollabAccessDenied ? error.message : (error as Error).message}`);
        throw error;
      }
    },
    async onLoadDocument({ document, documentName }) {
      const state = await loadSectionState(sectionOf(documentName));
      Y.applyUpdate(document, state);
    },
    // The context is that of the connection behind the last change (none for a server-side change).
    // While the database is unreachable the store waits and retries (store-retry.ts), holding the
    // document in memory: Hocuspocus itself would drop the failure and could unload the document.
    async onStoreDocument({ document, context, documentName, instance }) {
      let result;
      try {
        result = await storeRetry.run(documentName, () => storeSectionState(sectionOf(documentName), document, (context as Partial<Context>)?.user?.id ?? null));
      } catch (error) {
        // Shutting down with the database still down: logged; resolve so the document can unload and the process exit.
        if (error instanceof StoreAbandoned) return;
        if (!(error instanceof AppError && error.code === "not_found")) {
          // Never rethrown: Hocuspocus would leave the store stuck in its debouncer, and the rejection
          // would take down the process and every document in it. The edits stay in the live document
          // and go out with the next store.
          log(`store of ${documentName} failed; the next change stores it again: ${(error as Error).stack ?? String(error)}`);
          return;
        }
        // The section is gone (the plan was reset): nothing to save into; its editors must reload.
        log(`${documentName} no longer exists; closing its connections`);
        instance.closeConnections(documentName);
        return;
      }
      if (result.status === "saved") snapshots.noteEdited(sectionOf(documentName).planId);
      if (result.status === "saved" && (result.suspect.length || result.removed.length)) {
        log(`saved ${documentName}: ${result.suspect.length} link(s) suspect, ${result.removed.length} removed`);
      }
    },
  } as Extension;
}

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const log = options.log ?? ((line: string) => console.log(`[collab] ${line}`));
  const snapshots = startAutoSnapshots({ intervalMs: options.autoSnapshotMs ?? 10 * 60_000, log });
  const storeRetry = createStoreRetry({ log, initialDelayMs: options.storeRetryMs?.initial, maxDelayMs: options.storeRetryMs?.max });
  const extensions: Extension[] = [gpaExtension({ secret: options.secret, log, snapshots, storeRetry })];
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl, options.name));
  const server = new Server({
    name: options.name ?? "gpa-collab",
    port: options.port,
    quiet: true,
    debounce: options.debounceMs ?? 1000,
    maxDebounce: options.maxDebounceMs ?? 5000,
    // We flush and stop ourselves, in order (see stop()).
    stopOnSignals: false,
    extensions,
  });
  // Three rounds: the first compiles the queries, the next let the JIT settle (measured: first real save 96 → 26 ms).
  for (let round = 0; round < 3; round++) {
    await rehearseStore().catch((error) => log(`store rehearsal failed (the first save may be slow): ${(error as Error).message}`));
  }
  await server.listen();
  const stopListening = options.databaseUrl ? await listenForThreads({ hocuspocus: server.hocuspocus, databaseUrl: options.databaseUrl, log }) : async () => {};
  const flush = () => flushPendingStores(server.hocuspocus);
  const recheck = async () => {
    const closed = await recheckConnections(server.hocuspocus);
    if (closed) log(`closed ${closed} connection(s) whose user lost access`);
    return closed;
  };
  const timer = setInterval(() => void recheck().catch((error) => log(`recheck failed: ${(error as Error).message}`)), options.recheckMs ?? 30_000);
  timer.unref();
  return {
    port: server.address.port,
    hocuspocus: server.hocuspocus,
    flush,
    recheck,
    snapshot: snapshots.tick,
    async stop() {
      clearInterval(timer);
      snapshots.stop();
      await stopListening();
      // Pending stores still retrying an unreachable database get a bounded
      // time to succeed, so SIGTERM cannot hang forever (and then be SIGKILLed).
      storeRetry.giveUpAfter(options.shutdownStoreMs ?? 8000);
      await flush();
      await server.destroy();
    },
  };
}

/**
 * Redis fan-out without Redis's store lock: that lock makes a second
 * instance drop its store, never retried, which can lose an acknowledged
 * edit. Our stores are serialized by the section's row lock and merge the
 * stored state first, so concurrent stores add up instead.
 */
class RedisFanOut extends Redis {
  override async onStoreDocument(): Promise<void> {}
}

function redisExtension(redisUrl: string, name?: string): Redis {
  return new RedisFanOut({
    createClient: () => createRedisClient(redisUrl),
    prefix: "gpa-collab",
    ...(name ? { identifier: `${name}-${crypto.randomUUID()}` } : {}),
  });
}

/**
 * A Redis client for REDIS_URL, which ioredis reads whole: `rediss://` for
 * TLS, the username and password (ACL users of Redis 6 and managed Redis),
 * and the database number in the path. Lazy: it connects on its first
 * command, which the extension sends at once.
 */
export function createRedisClient(redisUrl: string): IORedis {
  return new IORedis(redisUrl, { lazyConnect: true });
}

/** Runs every debounced store now and waits for the ones already running. */
export async function flushPendingStores(hocuspocus: Hocuspocus): Promise<void> {
  const runs = [...hocuspocus.documents.values()].map((document) => {
    const id = `onStoreDocument-${document.name}`;
    if (hocuspocus.debouncer.isDebounced(id)) return hocuspocus.debouncer.executeNow(id);
    return document.saveMutex.waitForUnlock();
  });
  await Promise.allSettled(runs);
}
