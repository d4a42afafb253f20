/**
 * Retrying the collab server's stores while PostgreSQL is unreachable.
 *
 * Hocuspocus 3 logs a failed onStoreDocument and never retries it; worse,
 * once the store settles it unloads a document that has no connections left,
 * dropping edits it has already acknowledged to clients. So a store does not
 * fail while the database is down: it waits (0.5 s, doubling to 5 s) and
 * tries again, for as long as it takes. Retrying *inside* the hook keeps the
 * document's saveMutex locked, which is exactly what Hocuspocus checks before
 * unloading (shouldUnloadDocument), so the document stays in memory with its
 * unsaved changes. Each attempt stores the live document as it is then, so
 * the attempt that succeeds also carries every edit made during the outage;
 * stores queued behind it find nothing new and skip their write.
 *
 * Only shutdown bounds the wait: after `giveUpAfter(ms)` a store still
 * failing gives up (and says what was lost) with StoreAbandoned, so the
 * process can exit. The hook must not rethrow that: Hocuspocus 3.4's
 * debouncer never clears a store that threw from its running set, so the
 * document could then never unload and Server.destroy() would wait forever.
 */
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";

export type StoreRetry = {
  /** Runs `store`, retrying while the database is unavailable; other errors are thrown at once. */
  run: <T>(documentName: string, store: () => Promise<T>) => Promise<T>;
  /** Stop retrying `ms` from now (shutdown); stores still failing then throw. */
  giveUpAfter: (ms: number) => void;
  /** Documents whose store is waiting for the database. */
  pending: () => string[];
};

export type StoreRetryOptions = {
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
};

export function createStoreRetry({ log, initialDelayMs = 500, maxDelayMs = 5000 }: StoreRetryOptions): StoreRetry {
  const waiting = new Set<string>();
  // One outage, however many documents wait on it, is logged once at its start and once at its end.
  let outage: { since: number; retries: number } | null = null;
  let giveUpAt = Number.POSITIVE_INFINITY;
  let wakeUp: (() => void)[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = wakeUp.filter((wake) => wake !== done);
        resolve();
      }
      wakeUp.push(done);
    });

  async function run<T>(documentName: string, store: () => Promise<T>): Promise<T> {
    for (let delay = initialDelayMs; ; delay = Math.min(delay * 2, maxDelayMs)) {
      try {
        const result = await store();
        waiting.delete(documentName);
        if (outage && !waiting.size) {
          log(
            `database reachable again: stores resumed after ${((Date.now() - outage.since) / 1000).toFixed(1)} s and ${outage.retries} retries`,
          );
          outage = null;
        }
        return result;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (Date.now() >= giveUpAt) {
          waiting.delete(documentName);
          log(
            `shutting down with the database still unreachable: unsaved edits of ${documentName} are lost on this server (clients keep them and resend on reconnect)`,
          );
          throw new StoreAbandoned(documentName, { cause: error });
        }
        if (!outage) {
          outage = { since: Date.now(), retries: 0 };
          log(
            `database unreachable, store of ${documentName} failed (${lastLine(error)}); keeping documents in memory and retrying every ${initialDelayMs / 1000}–${maxDelayMs / 1000} s`,
          );
        }
        outage.retries++;
        waiting.add(documentName);
        await sleep(Math.min(delay, Math.max(0, giveUpAt - Date.now())));
      }
    }
  }

  return {
    run,
    giveUpAfter(ms) {
      giveUpAt = Math.min(giveUpAt, Date.now() + ms);
      // Sleepers wake to try once more now; the loop then waits at most until giveUpAt.
      for (const wake of wakeUp) wake();
    },
    pending: () => [...waiting],
  };
}

/** A store given up at shutdown because the database stayed unreachable; already logged. */
export class StoreAbandoned extends Error {
  constructor(documentName: string, options: { cause: unknown }) {
    super(`store of ${documentName} abandoned: the database is unreachable`, options);
    this.name = "StoreAbandoned";
  }
}

function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? message
  );
}
