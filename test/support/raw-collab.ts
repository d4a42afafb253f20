/**
 * Speaking the collaboration protocol by hand, as an attacker's script would:
 * frames a well-behaved provider never sends, and sockets that never
 * authenticate.
 */
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import type { TestClient } from "./collab";

/** Hocuspocus's message types that these tests send by hand. */
export const FRAME = { awareness: 1, auth: 2, stateless: 5, broadcastStateless: 6 } as const;

/** One frame: the document's name, the message type, then `write` adds the body. */
export function buildFrame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A stateless message (5) or a broadcast one (6) carrying `payload`. */
export function statelessFrame(
  documentName: string,
  type: typeof FRAME.stateless | typeof FRAME.broadcastStateless,
  payload: string,
): Uint8Array {
  return buildFrame(documentName, type, (encoder) => encoding.writeVarString(encoder, payload));
}

/** An awareness update for one Yjs client, with any state we like. */
export function awarenessFrame(
  documentName: string,
  { clientId, clock, state }: { clientId: number; clock: number; state: unknown },
): Uint8Array {
  return buildFrame(documentName, FRAME.awareness, (encoder) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  });
}

/** Sends a frame on a test client's own (authenticated) socket. */
export function sendOnSocket(client: TestClient, frame: Uint8Array): void {
  client.provider.configuration.websocketProvider.send(frame);
}

export type RawSocket = { socket: WebSocket; closed: Promise<{ code: number; at: number }> };

/** A plain WebSocket to the collab server that has sent nothing yet. */
export async function openRawSocket(port: number): Promise<RawSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  const closed = new Promise<{ code: number; at: number }>((resolve) =>
    socket.once("close", (code) => resolve({ code, at: Date.now() })),
  );
  socket.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, closed };
}

/** Sends without waiting; a socket the server has closed just drops the rest. */
export function sendQuietly(socket: WebSocket, data: Uint8Array): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(data, () => {});
}
