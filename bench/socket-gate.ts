/**
 * What the collab server's socket gate costs per frame. Every frame a client
 * sends now passes lib/collab/socket-gate.ts before Hocuspocus: decoded to
 * its document and type, and, for a writer's presence, re-encoded with the
 * server's name. Here the same frames go through a socket with the gate and
 * one without, side by side in one run: a keystroke-sized Yjs update, and a
 * caret move (awareness) of a writer.
 *
 *   npx tsx bench/socket-gate.ts [--frames 200000]
 *
 * Figures: ns per frame (p50/p95/p99 over batches of 1,000), frames/s, and
 * heap growth over the run. Targets: a keystroke passes the gate in under
 * 5 µs at p99, a caret move (parsed and stamped) in under 50 µs: both far
 * below the ~2 ms a keystroke takes to reach every client (bench:collab).
 * Nothing is asserted.
 */
import { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import * as encoding from "lib0/encoding";
import type WebSocket from "ws";
import * as Y from "yjs";
import { DEFAULT_GATE_LIMITS, guardSocket } from "@/lib/collab/socket-gate";
import { findPercentile, log, reportUpperBound } from "./bench-support";

const { values } = parseArgs({ options: { frames: { type: "string", default: "200000" } } });
const FRAMES = Number(values.frames);
const BATCH = 1000;
const DOCUMENT = "plan.cmxbench000000000000000.section.cmxbench000000000000001";

/** A stand-in for a ws socket: what the gate and a listener need, nothing sent anywhere. */
function fakeSocket(): WebSocket {
  const socket = new EventEmitter() as EventEmitter & { close: () => void; terminate: () => void };
  socket.close = () => {};
  socket.terminate = () => {};
  return socket as unknown as WebSocket;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, DOCUMENT);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function keystrokeFrame(): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on("update", (bytes: Uint8Array) => (update = bytes));
  doc.getText("t").insert(0, "a");
  return frame(0, (encoder) => {
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

function caretFrame(clientId: number): Uint8Array {
  const state = {
    user: { name: "Anyone", color: "#000" },
    cursor: {
      anchor: { type: null, tname: null, item: { client: clientId, clock: 40 }, assoc: 0 },
      head: { type: null, tname: null, item: { client: clientId, clock: 41 }, assoc: 0 },
    },
  };
  return frame(1, (encoder) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, 7);
    encoding.writeVarString(update, JSON.stringify(state));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  });
}

type Result = { label: string; nsPerFrame: number[]; framesPerSecond: number; heapGrowthMb: number };

function measure(label: string, data: Uint8Array, isGated: boolean): Result {
  const socket = fakeSocket();
  let delivered = 0;
  if (isGated)
    guardSocket(socket, { limits: DEFAULT_GATE_LIMITS, log: () => {} }).grant(DOCUMENT, {
      readOnly: false,
      user: { id: "u1", name: "Fatima Facilitator" },
    });
  socket.on("message", () => void delivered++);
  for (let i = 0; i < BATCH * 10; i++) socket.emit("message", data, true);
  const heapBefore = process.memoryUsage().heapUsed;
  const nsPerFrame: number[] = [];
  const started = performance.now();
  for (let done = 0; done < FRAMES; done += BATCH) {
    const batchStart = performance.now();
    for (let i = 0; i < BATCH; i++) socket.emit("message", data, true);
    nsPerFrame.push(((performance.now() - batchStart) * 1e6) / BATCH);
  }
  const seconds = (performance.now() - started) / 1000;
  if (delivered < FRAMES) throw new Error(`${label}: only ${delivered} of ${FRAMES} frames reached the listener`);
  return {
    label,
    nsPerFrame,
    framesPerSecond: FRAMES / seconds,
    heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
}

const keystroke = keystrokeFrame();
const caret = caretFrame(1234567);
const results = [
  measure("keystroke, no gate", keystroke, false),
  measure("keystroke, gate", keystroke, true),
  measure("caret move, no gate", caret, false),
  measure("caret move, gate (stamped)", caret, true),
];

log(
  `Node ${process.version}; ${FRAMES.toLocaleString("en")} frames each, in batches of ${BATCH}; keystroke frame ${keystroke.byteLength} B, caret frame ${caret.byteLength} B`,
);
log("");
log(
  `${"".padEnd(30)}${"p50 ns".padStart(10)}${"p95 ns".padStart(10)}${"p99 ns".padStart(10)}${"frames/s".padStart(14)}${"heap Δ MB".padStart(12)}`,
);
for (const { label, nsPerFrame, framesPerSecond, heapGrowthMb } of results) {
  const [p50, p95, p99] = [50, 95, 99].map((p) => findPercentile(nsPerFrame, p).toFixed(0));
  log(
    `${label.padEnd(30)}${p50.padStart(10)}${p95.padStart(10)}${p99.padStart(10)}${Math.round(framesPerSecond).toLocaleString("en").padStart(14)}${heapGrowthMb.toFixed(1).padStart(12)}`,
  );
}
log("");
reportUpperBound({
  name: "socket gate, keystroke frame p99",
  value: findPercentile(results[1].nsPerFrame, 99) / 1000,
  unit: "µs",
  limit: 5,
});
// A writer's caret moves a few times a second; stamping it may cost more, and still be nothing beside its trip to every client.
reportUpperBound({
  name: "socket gate, caret move (stamped) p99",
  value: findPercentile(results[3].nsPerFrame, 99) / 1000,
  unit: "µs",
  limit: 50,
});
