/**
 * The collaboration server: Hocuspocus with our authentication and
 * persistence, and Redis fan-out when REDIS_URL is set. Runs as its own
 * process (scripts/collab.ts); must not import next/*.
 */
import { Redis } from "@hocuspocus/extension-redis";
import IORedis from "ioredis";
import { Server } from "@hocuspocus/server";
import type { Document, Extension, Hocuspocus } from "@hocuspocus/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import * as Y from "yjs";
import { AppError } from "@/lib/errors";
import { authenticateCollab, CollabAccessDenied, isConnectionReadOnly } from "./authenticate";
import { startAutoSnapshots } from "./auto-snapshots";
import type { AutoSnapshots } from "./auto-snapshots";
import type { CollabAccess } from "./authenticate";
import { startThreadAnchoring } from "./anchor-threads";
import type { ThreadAnchoring } from "./anchor-threads";
import { listenForNotices } from "./listen-for-notices";
import { AMENDMENTS_CHANGED, announceToEditors, mergeStoredState, pushThreadsToEditors } from "./push-to-editors";
import { parseSectionDocumentName, sectionDocumentName } from "./document-name";
import { recheckConnections, suspendUserConnections } from "./recheck-connections";
import { applyTextLock } from "./text-lock";
import { startSilenceTimer } from "@/lib/negotiation/silence-timer";
import type { SilenceTimer } from "@/lib/negotiation/silence-timer";
import { DEFAULT_GATE_LIMITS, guardSocket } from "./socket-gate";
import type { GateLimits, SocketGate } from "./socket-gate";
import type { SectionDocument } from "./document-name";
import { loadSectionState, rehearseStore, storeSectionState } from "@/lib/plan/section-document";
import { createStoreRetry, StoreAbandoned } from "./store-retry";
import { getPrisma } from "@/lib/db";
import { FLUSHED_CHANNEL } from "@/lib/live/channels";
import type { FlushedNotice } from "@/lib/live/channels";
import type { StoreRetry } from "./store-retry";

export type CollabServerOptions = {
  port: number;
  /** The interface to listen on: loopback unless told otherwise (a container behind the proxy sets 0.0.0.0). */
  host?: string;
  /** The largest frame a client may send; a bigger one closes its socket (1009). */
  maxMessageBytes?: number;
  /** Limits on sockets before and outside authentication (socket-gate.ts). */
  gateLimits?: Partial<GateLimits>;
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
  /** How often the silence timer looks for procedures started elsewhere (default 30 s; it also wakes on their notice). */
  silenceRecheckMs?: number;
  /** On stop(), how long stores keep retrying an unreachable database before giving up (default 8 s). */
  shutdownStoreMs?: number;
  /** Backoff of a store retried while the database is unreachable (default 0.5 s doubling to 5 s). */
  storeRetryMs?: { initial: number; max: number };
  name?: string;
  log?: (line: string) => void;
};

export type CollabServer = {
  port: number;
  hocuspocus: Hocuspocus;
  stop: () => Promise<void>;
  flush: () => Promise<void>;
  recheck: (userId?: string) => Promise<number>;
  /** Takes the automatic versions due now, as the timer does. */
  snapshot: () => Promise<string[]>;
};

type Context = CollabAccess;

/**
 * The largest frame a real client sends is a paste, or the sync of edits made
 * offline. Measured: the whole bundled dialogue (25 kB of text) pasted into one
 * section is a 26 kB Yjs update, so even a resolution with its annex many times
 * longer fits tenfold. The limit stops a client from making the server buffer
 * (and parse) tens of megabytes at once.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 1.25 * 1024 * 1024;

/** Where a connection's socket gate travels in its Hocuspocus context, to be found again when it closes. */
const SOCKET_GATE = Symbol("socket-gate");
type GateContext = { [SOCKET_GATE]?: SocketGate };

function sectionOf(documentName: string): SectionDocument {
  const section = parseSectionDocumentName(documentName);
  if (!section) throw new Error(`not a section document: ${documentName}`);
  return section;
}

/** Our hooks: who may connect (read-write or read-only), where documents come from and go to. */
function gpaExtension({
  secret,
  log,
  snapshots,
  storeRetry,
  gates,
}: {
  secret: string;
  log: (line: string) => void;
  snapshots: AutoSnapshots;
  storeRetry: StoreRetry;
  gates: WeakMap<IncomingMessage, SocketGate>;
}): Extension {
  return {
    extensionName: "gpa",
    async onAuthenticate({ token, documentName, connectionConfig, request }) {
      try {
        const access = await authenticateCollab({ token, documentName, secret });
        connectionConfig.readOnly = isConnectionReadOnly(access);
        const gate = gates.get(request);
        // Presence follows the role, not the lock: a facilitator reading a text under silence is still shown.
        gate?.grant(documentName, { readOnly: access.readOnly, user: access.user });
        return { ...access, [SOCKET_GATE]: gate };
      } catch (error) {
        log(
          `refused ${documentName}: ${error instanceof CollabAccessDenied ? error.message : (error as Error).message}`,
        );
        throw error;
      }
    },
    async onDisconnect({ documentName, context }) {
      (context as GateContext)[SOCKET_GATE]?.revoke(documentName);
    },
    // Plain HTTP gets no banner: a health check, or a pointer to WebSocket.
    async onRequest({ request, response }) {
      answerHttp(request, response);
      // An empty rejection tells Hocuspocus the request is answered.
      throw null;
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
        result = await storeRetry.run(documentName, () =>
          storeSectionState(sectionOf(documentName), document, (context as Partial<Context>)?.user?.id ?? null),
        );
      } catch (error) {
        // Shutting down with the database still down: logged; resolve so the document can unload and the process exit.
        if (error instanceof StoreAbandoned) return;
        if (!(error instanceof AppError && error.code === "not_found")) {
          // Never rethrown: Hocuspocus would leave the store stuck in its debouncer, and the rejection
          // would take down the process and every document in it. The edits stay in the live document
          // and go out with the next store.
          log(
            `store of ${documentName} failed; the next change stores it again: ${(error as Error).stack ?? String(error)}`,
          );
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
  const storeRetry = createStoreRetry({
    log,
    initialDelayMs: options.storeRetryMs?.initial,
    maxDelayMs: options.storeRetryMs?.max,
  });
  const gates = new WeakMap<IncomingMessage, SocketGate>();
  const extensions: Extension[] = [gpaExtension({ secret: options.secret, log, snapshots, storeRetry, gates })];
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl, options.name));
  const server = new Server(
    {
      name: options.name ?? "gpa-collab",
      port: options.port,
      quiet: true,
      debounce: options.debounceMs ?? 1000,
      maxDebounce: options.maxDebounceMs ?? 5000,
      // We flush and stop ourselves, in order (see stop()).
      stopOnSignals: false,
      extensions,
    },
    { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
  );
  // Before Hocuspocus's own listener, so the gate wraps the socket before anything reads from it.
  const gateLimits = { ...DEFAULT_GATE_LIMITS, ...options.gateLimits };
  server.webSocketServer.prependListener("connection", (socket, request) => {
    gates.set(request, guardSocket(socket, { limits: gateLimits, log }));
  });
  // Three rounds: the first compiles the queries, the next let the JIT settle (measured: first real save 96 → 26 ms).
  for (let round = 0; round < 3; round++) {
    await rehearseStore().catch((error) =>
      log(`store rehearsal failed (the first save may be slow): ${(error as Error).message}`),
    );
  }
  await listenOn(server, { port: options.port, host: options.host ?? "127.0.0.1" });
  const recheck = async (userId?: string) => {
    const closed = await recheckConnections(server.hocuspocus, userId);
    if (closed) log(`closed ${closed} connection(s) whose user lost access`);
    return closed;
  };
  // An admin changed a user's access: no edit of theirs is taken from now until their access is read again.
  const onUserAccessChanged = (userId: string) => {
    suspendUserConnections(server.hocuspocus, userId);
    void recheck(userId).catch((error) => log(`recheck of ${userId} failed: ${(error as Error).message}`));
  };
  // The one always-on process keeps the clock of silence procedures; it first catches up on deadlines it missed.
  const silenceTimer = options.databaseUrl
    ? startSilenceTimer({ recheckMs: options.silenceRecheckMs ?? 30_000, log })
    : null;
  const stopListening = options.databaseUrl
    ? await listenToDatabase({
        hocuspocus: server.hocuspocus,
        databaseUrl: options.databaseUrl,
        log,
        onUserAccessChanged,
        silenceTimer,
      })
    : async () => {};
  const flush = () => flushPendingStores(server.hocuspocus);
  const timer = setInterval(
    () => void recheck().catch((error) => log(`recheck failed: ${(error as Error).message}`)),
    options.recheckMs ?? 30_000,
  );
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
      silenceTimer?.stop();
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
 * Acts on the app's notices (lib/live/channels.ts) and anchors comment
 * threads; returns the function that stops both. Listening starts first, so
 * a thread committed while the waiting ones are anchored is not missed.
 */
async function listenToDatabase({
  hocuspocus,
  databaseUrl,
  log,
  onUserAccessChanged,
  silenceTimer,
}: {
  hocuspocus: Hocuspocus;
  databaseUrl: string;
  log: (line: string) => void;
  onUserAccessChanged: (userId: string) => void;
  silenceTimer: SilenceTimer | null;
}): Promise<() => Promise<void>> {
  let anchoring: ThreadAnchoring | null = null;
  const pending: string[] = [];
  const failed = (what: string) => (error: unknown) => log(`${what} failed: ${(error as Error).message}`);
  const stopListening = await listenForNotices({
    databaseUrl,
    log,
    onNotice(notice) {
      if (notice.type === "anchor-thread")
        return void (anchoring ? anchoring.anchor(notice.threadId) : pending.push(notice.threadId));
      if (notice.type === "threads-changed")
        return void pushThreadsToEditors(hocuspocus, notice).catch(failed(`announcing threads of ${notice.sectionId}`));
      if (notice.type === "amendments-changed") return announceToEditors(hocuspocus, notice, AMENDMENTS_CHANGED);
      if (notice.type === "user-access-changed") return onUserAccessChanged(notice.userId);
      if (notice.type === "text-lock-changed") {
        void silenceTimer?.wake();
        return void applyTextLock(hocuspocus, notice.planId).catch(failed(`locking the text of ${notice.planId}`));
      }
      // Its editors' pages drop it as they render again; meanwhile no edit to a removed section is taken.
      if (notice.type === "section-removed") return hocuspocus.closeConnections(sectionDocumentName(notice));
      if (notice.type === "merge-stored")
        return void mergeStoredState(hocuspocus, notice).catch(failed(`merging stored ${notice.sectionId}`));
      if (notice.type === "flush-plan")
        return void flushPlan(hocuspocus, notice).catch(failed(`flushing plan ${notice.planId}`));
    },
  });
  anchoring = await startThreadAnchoring({ hocuspocus, log });
  for (const threadId of pending.splice(0)) void anchoring.anchor(threadId);
  return async () => {
    await anchoring?.stop();
    await stopListening();
  };
}

/**
 * Listens ourselves rather than through Server.listen(): Hocuspocus 3.4.4
 * hands Node `address` where it reads `host`, so its listen binds every
 * interface whatever it is told. None of our extensions uses onListen.
 */
function listenOn(server: Server, { port, host }: { port: number; host: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.httpServer.once("error", reject);
    server.httpServer.listen({ port, host }, () => {
      server.httpServer.off("error", reject);
      resolve();
    });
  });
}

/** `/healthz` answers 200 for health checks; anything else is told to use WebSocket. */
function answerHttp(request: IncomingMessage, response: ServerResponse): void {
  const isHealth = request.url === "/healthz";
  response.writeHead(isHealth ? 200 : 426, {
    "Content-Type": "text/plain; charset=utf-8",
    ...(isHealth ? {} : { Upgrade: "websocket" }),
  });
  response.end(isHealth ? "ok\n" : "Upgrade Required: this is the collaboration server's WebSocket endpoint.\n");
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

/** Runs every debounced store now and waits for the ones already running (of the documents given, or all). */
export async function flushPendingStores(
  hocuspocus: Hocuspocus,
  documents: Iterable<Document> = hocuspocus.documents.values(),
): Promise<void> {
  const runs = [...documents].map((document) => {
    const id = `onStoreDocument-${document.name}`;
    if (hocuspocus.debouncer.isDebounced(id)) return hocuspocus.debouncer.executeNow(id);
    return document.saveMutex.waitForUnlock();
  });
  await Promise.allSettled(runs);
}

/**
 * Stores the plan's live documents on this instance now, then answers the
 * app that asked (lib/negotiation/flush-live-edits.ts). Every instance
 * answers, holding the plan or not, so the app waits no longer than needed.
 */
async function flushPlan(hocuspocus: Hocuspocus, { planId, requestId }: { planId: string; requestId: string }) {
  const documents = [...hocuspocus.documents.values()].filter(
    (document) => parseSectionDocumentName(document.name)?.planId === planId,
  );
  await flushPendingStores(hocuspocus, documents);
  const answer: FlushedNotice = {
    requestId,
    server: hocuspocus.configuration.name ?? "gpa-collab",
    documents: documents.length,
  };
  await getPrisma().$executeRaw`SELECT pg_notify(${FLUSHED_CHANNEL}, ${JSON.stringify(answer)})`;
}
