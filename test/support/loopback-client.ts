/**
 * HTTP from a loopback address of the test's choosing (127.0.0.2, 127.0.0.3,
 * …). All of 127.0.0.0/8 is this machine, and the app sees each request come
 * from the socket address it was sent from — so one test can play several
 * clients, an attacker and the account's owner, without trusting any header.
 */
import { request } from "node:http";

/** A fetch that connects from `address`; it takes the app's own URLs and never follows redirects. */
export type LoopbackFetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; redirect?: "manual" },
) => Promise<Response>;

// The Fetch API forbids a body on these statuses.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function createLoopbackFetch(address: string): LoopbackFetch {
  return (url, init = {}) => {
    const target = new URL(url);
    return new Promise((resolve, reject) => {
      // The connection goes to 127.0.0.1 whatever the URL's host; the Host header keeps the URL's, so
      // next-auth's links and cookies are the same as for a browser on `localhost`.
      const outgoing = request(
        {
          host: "127.0.0.1",
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: init.method ?? "GET",
          localAddress: address,
          agent: false,
          headers: { host: target.host, ...init.headers },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", reject);
          incoming.on("end", () =>
            resolve(toResponse(incoming.statusCode ?? 0, incoming.rawHeaders, Buffer.concat(chunks))),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end(init.body);
    });
  };
}

function toResponse(status: number, rawHeaders: string[], body: Buffer): Response {
  // Raw pairs, so each Set-Cookie stays its own header for getSetCookie().
  const headers = new Headers();
  for (let i = 0; i < rawHeaders.length; i += 2) headers.append(rawHeaders[i], rawHeaders[i + 1]);
  return new Response(NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(body), { status, headers });
}
