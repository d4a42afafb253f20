/**
 * One holder at a time per key, in this process, first come first served,
 * with a bounded wait. The sign-in limits queue racing attempts here rather
 * than in PostgreSQL: a waiter here holds no pooled connection, so twenty
 * guesses at one email cannot starve the pool that every other request needs.
 */
export class LockWaitTimeout extends Error {
  constructor(key: string, waitMs: number) {
    super(`Waited ${waitMs} ms for the lock on ${key}.`);
  }
}

/** Per key, the promise that settles when the last holder or waiter in line is done. */
const lastInLine = new Map<string, Promise<void>>();

/**
 * Runs `run` once every earlier caller with `key` is done. Throws
 * LockWaitTimeout, without running it, when that takes over `maxWaitMs`.
 */
export async function withKeyedLock<T>(key: string, maxWaitMs: number, run: () => Promise<T>): Promise<T> {
  const previous = lastInLine.get(key) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  // A waiter that gives up still keeps its place until the one before it is done, so nobody behind jumps the holder.
  const mine = previous.then(() => done);
  lastInLine.set(key, mine);
  try {
    await waitAtMost(previous, maxWaitMs, () => new LockWaitTimeout(key, maxWaitMs));
    return await run();
  } finally {
    release();
    // Forgotten only once everyone before is done too: a waiter that gave up may leave while the holder still runs.
    void mine.then(() => {
      if (lastInLine.get(key) === mine) lastInLine.delete(key);
    });
  }
}

async function waitAtMost(promise: Promise<void>, ms: number, timeout: () => Error): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeout()), ms)));
  try {
    await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
