/**
 * Who is asking: the client address that the sign-in limits count failures
 * by. It must come from the TCP socket, because every header is the
 * client's to write.
 *
 * Route handlers never see the socket: Next passes them a Request made of
 * headers. And the X-Forwarded-For that `next start` gives them is no
 * substitute. Next only fills it in from the socket when the request has
 * none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
 * next/dist/server/base-server.js, 16.4). A client that sends its own
 * header therefore chooses its address.
 *
 * So the server process stamps every request itself. Node publishes each
 * incoming request, with its socket, on the diagnostics channel
 * `http.server.request.start`. This happens before the request's 'request'
 * event, so it comes before Next sees the request. `stampClientAddresses()`
 * subscribes to that channel from instrumentation.ts, which both `next start`
 * and `next dev` run at startup. It overwrites STAMP_HEADER with the socket's
 * address, so a client-sent copy never survives.
 *
 * There is a window between the server starting to listen and the
 * subscription. Requests that arrive in it wait for Next to be ready, and
 * they are not stamped. The stamp therefore carries a per-process secret.
 * A header without the secret is ignored, and the request counts as
 * UNVERIFIED: one shared bucket, so a forged stamp fails closed.
 *
 * Behind TRUSTED_PROXY_HOPS proxies, the socket is the nearest proxy. Each
 * proxy appends the address it saw to X-Forwarded-For, so the client is the
 * entry that many places from the end. Those proxies must be the only way
 * to reach the app; otherwise a client can write those entries too.
 *
 * IPv6 addresses are counted by their /64 prefix. One host usually holds a
 * whole /64, so rotating addresses inside it must not give it new clients.
 */
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/** The request header that carries "<secret> <socket address>". */
export const STAMP_HEADER = "x-gpa-client-address";
/** The bucket of requests whose socket address is unknown (see above). */
export const UNVERIFIED = "unverified";

// On globalThis: instrumentation and route handlers are bundled apart, so each has its own copy of this module.
const SECRET_KEY = Symbol.for("gpa.clientAddressSecret");
type WithSecret = { [SECRET_KEY]?: string };

/** Subscribes the stamp, once per process. */
export function stampClientAddresses(): void {
  const holder = globalThis as WithSecret;
  if (holder[SECRET_KEY]) return;
  const secret = randomBytes(16).toString("hex");
  holder[SECRET_KEY] = secret;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[STAMP_HEADER] = `${secret} ${socket.remoteAddress ?? UNVERIFIED}`;
  });
}

/** The key the limits count this request's client by: an IPv4 address, an IPv6 /64, or UNVERIFIED. */
export function findClientAddress(headers: Headers): string {
  const peer = readStampedPeer(headers);
  if (!peer) return UNVERIFIED;
  const hops = env.TRUSTED_PROXY_HOPS;
  if (hops === 0) return toClientKey(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim());
  // Fewer entries than proxies, or not an address: the request did not come through them all, so only the socket is known.
  const client = forwarded.length >= hops ? forwarded.at(-hops)! : "";
  return toClientKey(isIP(client) ? client : peer);
}

function readStampedPeer(headers: Headers): string | null {
  const secret = (globalThis as WithSecret)[SECRET_KEY];
  const [given, address] = (headers.get(STAMP_HEADER) ?? "").split(" ");
  return secret && given === secret && address && address !== UNVERIFIED ? address : null;
}

/** IPv4 as is (also when IPv4-mapped, ::ffff:a.b.c.d); IPv6 as its /64 prefix. */
export function toClientKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  const withoutZone = address.split("%")[0];
  return isIP(withoutZone) === 6 ? `${expandIpv6(withoutZone).slice(0, 4).join(":")}::/64` : address;
}

/** The eight groups of an IPv6 address, without leading zeros ("2001:db8::1" → 2001, db8, 0, 0, 0, 0, 0, 1). */
function expandIpv6(address: string): string[] {
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) fills the last two groups.
  const toGroups = (part: string) =>
    part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : [];
  const [head, tail] = address.toLowerCase().split("::");
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
