/**
 * Presence (Yjs awareness) as the server lets it through. A client's
 * awareness update says who it is and where its caret is; relayed as sent,
 * anyone could appear under any name. So the name, id and colour are the
 * server's, from the authenticated user, and a connection may speak only for
 * the one Yjs client it first spoke for (not remove or overwrite another's).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { colourForUser } from "./user-colour";

/** Bigger than any caret state (a user and two relative positions): the rest is padding. */
export const MAX_PRESENCE_STATE_CHARS = 8 * 1024;

export type PresenceUser = { id: string; name: string };

type Entry = { clientId: number; clock: number; state: string };

/**
 * Returns the update with every state stamped with `user`, keeping only the
 * entries for `ownClientId` (the connection's Yjs client); null when nothing
 * is left, or the update does not decode.
 */
export function stampPresence(
  update: Uint8Array,
  { user, ownClientId }: { user: PresenceUser; ownClientId: number },
): Uint8Array | null {
  const entries = readEntries(update);
  if (!entries) return null;
  const kept = entries
    .filter((entry) => entry.clientId === ownClientId && entry.state.length <= MAX_PRESENCE_STATE_CHARS)
    .map((entry) => stampEntry(entry, user));
  if (!kept.length || kept.some((entry) => entry === null)) return null;
  return writeEntries(kept as Entry[]);
}

/** The Yjs client an update speaks for: its first entry's; null when it has none. */
export function firstClientId(update: Uint8Array): number | null {
  return readEntries(update)?.[0]?.clientId ?? null;
}

function stampEntry(entry: Entry, user: PresenceUser): Entry | null {
  let state: unknown;
  try {
    state = JSON.parse(entry.state);
  } catch {
    return null;
  }
  // null is the client leaving: nothing to stamp.
  if (state === null) return entry;
  if (typeof state !== "object" || Array.isArray(state)) return null;
  const stamped = { ...state, user: { id: user.id, name: user.name, color: colourForUser(user.id) } };
  return { ...entry, state: JSON.stringify(stamped) };
}

function readEntries(update: Uint8Array): Entry[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      entries.push({
        clientId: decoding.readVarUint(decoder),
        clock: decoding.readVarUint(decoder),
        state: decoding.readVarString(decoder),
      });
    }
    return entries;
  } catch {
    return null;
  }
}

function writeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
