/**
 * Every frame a client sends passes this gate before Hocuspocus sees it.
 * Hocuspocus trusts its clients more than we may:
 *
 * - It relays a client's stateless messages (types 5 and 6) to every client
 *   of the document, read-only ones included. Our pages act on stateless
 *   notices (threads and amendments changed), so only the server may send
 *   them: every client stateless frame is dropped here.
 * - It relays presence (awareness) as sent. A read-only connection publishes
 *   none by design, so its awareness is dropped; a writer's is stamped with
 *   the name the server knows (stamp-presence.ts).
 * - It queues, without limit, every frame for a document that is not yet (or
 *   never will be) authenticated on the socket. Those frames are counted
 *   against a small budget, and a socket that goes over it, or has not
 *   authenticated a single document within `authTimeoutMs`, is closed.
 *
 * The gate wraps the socket's emit("message"), which is where both ws and
 * Hocuspocus (replaying its queue) deliver frames, so nothing bypasses it.
 */
import { ConnectionTimeout, MessageTooBig } from "@hocuspocus/common";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type WebSocket from "ws";
import { firstClientId, stampPresence } from "./stamp-presence";
import type { PresenceUser } from "./stamp-presence";

/** Hocuspocus's message types (its own enum is not exported in a way both ESM and CJS builds agree on). */
const MESSAGE_TYPE = { awareness: 1, stateless: 5, broadcastStateless: 6 } as const;

export type GateLimits = {
  /** A socket with no authenticated document by then is closed. */
  authTimeoutMs: number;
  /** Frames for documents not authenticated on the socket, held by Hocuspocus: at most this many, */
  maxPendingFrames: number;
  /** and at most this many bytes. */
  maxPendingBytes: number;
};

export const DEFAULT_GATE_LIMITS: GateLimits = {
  authTimeoutMs: 10_000,
  // A page opens every section on one socket, each sending three frames (token, sync, presence) before its answer.
  maxPendingFrames: 600,
  maxPendingBytes: 512 * 1024,
};

/** What the server granted a connection to one document. */
export type DocumentGrant = { readOnly: boolean; user: PresenceUser };

export type SocketGate = {
  /** The document's authentication succeeded: its frames are the connection's now. */
  grant: (documentName: string, grant: DocumentGrant) => void;
  /** The document's connection closed: its frames count as pending again. */
  revoke: (documentName: string) => void;
};

type Frame = { documentName: string; type: number; body: decoding.Decoder };
type Pending = { frames: number; bytes: number };

export function guardSocket(
  socket: WebSocket,
  { limits, log }: { limits: GateLimits; log: (line: string) => void },
): SocketGate {
  const grants = new Map<string, DocumentGrant & { clientId?: number }>();
  const pendingByDocument = new Map<string, Pending>();
  const pending: Pending = { frames: 0, bytes: 0 };
  let hasEverAuthenticated = false;
  let hasLoggedDrop = false;

  let isShut = false;
  /**
   * Closes the socket with a reason the client can read, and drops whatever
   * it still sends; one that does not answer the close within a second (a
   * flooder) is cut off rather than given ws's 30 s.
   */
  const shut = (code: number, reason: string, line: string) => {
    if (isShut) return null;
    isShut = true;
    log(line);
    socket.close(code, reason);
    setTimeout(() => socket.terminate(), 1000).unref();
    return null;
  };

  const authTimer = setTimeout(() => {
    if (!hasEverAuthenticated)
      shut(ConnectionTimeout.code, "authentication-timeout", "closing a socket that did not authenticate in time");
  }, limits.authTimeoutMs);
  authTimer.unref();
  socket.once("close", () => clearTimeout(authTimer));

  const drop = (why: string) => {
    if (!hasLoggedDrop) log(`dropping client frames: ${why}`);
    hasLoggedDrop = true;
    return null;
  };

  /** Counts a frame Hocuspocus will hold until the document authenticates; false once over budget. */
  const holdPending = (documentName: string, bytes: number) => {
    const held = pendingByDocument.get(documentName) ?? { frames: 0, bytes: 0 };
    held.frames++;
    held.bytes += bytes;
    pendingByDocument.set(documentName, held);
    pending.frames++;
    pending.bytes += bytes;
    return pending.frames <= limits.maxPendingFrames && pending.bytes <= limits.maxPendingBytes;
  };

  /** The frame to hand on (perhaps rewritten), or null to drop it. */
  const admit = (data: Uint8Array): Uint8Array | null => {
    if (isShut) return null;
    const frame = readFrame(data);
    if (!frame) return shut(1008, "malformed-frame", "closing a socket that sent a frame that does not decode");
    if (frame.type === MESSAGE_TYPE.stateless || frame.type === MESSAGE_TYPE.broadcastStateless)
      return drop("stateless messages come only from the server");
    const grant = grants.get(frame.documentName);
    if (!grant) {
      if (holdPending(frame.documentName, data.byteLength)) return data;
      return shut(
        MessageTooBig.code,
        "too-many-unauthenticated-frames",
        `closing a socket over its budget of unauthenticated frames (${pending.frames} frames, ${pending.bytes} bytes)`,
      );
    }
    if (frame.type !== MESSAGE_TYPE.awareness) return data;
    if (grant.readOnly) return drop("read-only connections publish no presence");
    return admitPresence(frame, grant);
  };

  const admitPresence = (frame: Frame, grant: DocumentGrant & { clientId?: number }) => {
    let update: Uint8Array;
    try {
      update = decoding.readVarUint8Array(frame.body);
    } catch {
      return drop("an awareness frame that does not decode");
    }
    grant.clientId ??= firstClientId(update) ?? undefined;
    if (grant.clientId === undefined) return drop("an empty awareness update");
    const stamped = stampPresence(update, { user: grant.user, ownClientId: grant.clientId });
    return stamped
      ? writeFrame(frame.documentName, MESSAGE_TYPE.awareness, stamped)
      : drop("presence for another client, or malformed");
  };

  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== "message") return emit(event, ...args);
    const admitted = admit(toBytes(args[0]));
    return admitted ? emit("message", admitted, ...args.slice(1)) : false;
  }) as typeof socket.emit;

  return {
    grant(documentName, grant) {
      hasEverAuthenticated = true;
      grants.set(documentName, { ...grant });
      // Hocuspocus replays what it held for the document now; it no longer holds it.
      const held = pendingByDocument.get(documentName);
      if (held) {
        pending.frames -= held.frames;
        pending.bytes -= held.bytes;
        pendingByDocument.delete(documentName);
      }
    },
    revoke(documentName) {
      grants.delete(documentName);
    },
  };
}

function readFrame(data: Uint8Array): Frame | null {
  try {
    const body = decoding.createDecoder(data);
    const documentName = decoding.readVarString(body);
    const type = decoding.readVarUint(body);
    return { documentName, type, body };
  } catch {
    return null;
  }
}

function writeFrame(documentName: string, type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** ws hands frames over as a Buffer, an ArrayBuffer or fragments, by its binaryType; Hocuspocus replays Uint8Arrays. */
function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  return new Uint8Array(0);
}
