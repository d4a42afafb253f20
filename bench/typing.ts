/**
 * Typing at human speed into a Yjs document, and timing each keystroke until
 * every other client has applied it. A keystroke is known to other clients
 * by its Yjs id (the typist's client id, and the clock after the insert), so
 * the marker costs no bytes on the wire.
 */
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { firstText } from "@/test/support/collab";
import { sleep } from "./bench-support";

/** One keystroke: its clock in the typist's document, when it was typed, and how many clients have yet to see it. */
export type Keystroke = { clock: number; at: number; waitingFor: number };

/** Keystroke latencies across a set of clients, as they apply the typists' updates. */
export type KeystrokeTracker = {
  /** Each typist's keystrokes so far, by the typist's client id. */
  pending: Map<number, Keystroke[]>;
  /** Milliseconds from each keystroke until its last client applied it. */
  latencies: number[];
  /** Every keystroke typed so far. */
  all: () => Keystroke[];
};

/**
 * Watches `clients` (every document that should receive the typing) for the
 * keystrokes of `typists`, recording a latency when the last client has one.
 */
export function trackKeystrokes({ clients, typists }: { clients: Y.Doc[]; typists: Y.Doc[] }): KeystrokeTracker {
  const pending = new Map<number, Keystroke[]>(typists.map((t) => [t.clientID, []]));
  const latencies: number[] = [];
  // For each client and typist, how far into that typist's keystrokes the client has seen.
  const seen = clients.map(() => new Map<number, number>(typists.map((t) => [t.clientID, 0])));
  clients.forEach((doc, index) => {
    doc.on("update", () => {
      for (const [typistId, keystrokes] of pending) {
        if (typistId === doc.clientID) continue;
        const state = Y.getState(doc.store, typistId);
        let next = seen[index].get(typistId)!;
        while (next < keystrokes.length && keystrokes[next].clock <= state) {
          const keystroke = keystrokes[next++];
          if (--keystroke.waitingFor === 0) latencies.push(performance.now() - keystroke.at);
        }
        seen[index].set(typistId, next);
      }
    });
  });
  return { pending, latencies, all: () => [...pending.values()].flat() };
}

/** Keystrokes at ~cps a second with a human's jitter (±40 %), each one insert at the typist's own cursor. */
export async function typeLikeAHuman({
  doc,
  keystrokes,
  stopAt,
  cps,
  waitingFor,
  seed,
}: {
  doc: Y.Doc;
  keystrokes: Keystroke[];
  stopAt: number;
  cps: number;
  waitingFor: number;
  seed: number;
}): Promise<void> {
  const random = seededRandom(seed);
  const text = firstText(doc);
  // Typists start in different places of the same paragraph, as people editing one section would.
  let cursor = Math.floor((text.length * seed) / 4);
  const letters = "etaoin shrdlu";
  await sleep(random() * (1000 / cps));
  while (performance.now() < stopAt) {
    const at = performance.now();
    text.insert(Math.min(cursor, text.length), letters[Math.floor(random() * letters.length)]);
    cursor++;
    keystrokes.push({ clock: Y.getState(doc.store, doc.clientID), at, waitingFor });
    await sleep((1000 / cps) * (0.6 + 0.8 * random()));
  }
}

/** A small linear congruential generator: the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed * 7919;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
