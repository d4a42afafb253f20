/**
 * The client address the sign-in limits count by. The stamp is checked
 * through a real node:http server on loopback, with no database: Node's
 * diagnostics channel sees the socket, and a forged header must never win.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  findClientAddress,
  STAMP_HEADER,
  stampClientAddresses,
  toClientKey,
  UNVERIFIED,
} from "@/lib/http/client-address";

describe("toClientKey", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6, and counts IPv6 by its /64", () => {
    expect(toClientKey("203.0.113.9")).toBe("203.0.113.9");
    expect(toClientKey("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(toClientKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(toClientKey("2001:DB8:0001:0002:ffff::1")).toBe("2001:db8:1:2::/64");
    expect(toClientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(toClientKey("::1")).toBe("0:0:0:0::/64");
    expect(toClientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(toClientKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});

describe("findClientAddress", () => {
  let server: Server;
  let port: number;
  const originalHops = process.env.TRUSTED_PROXY_HOPS;

  /** Sends from `localAddress` with `headers`; answers what the server found. */
  async function askFrom(localAddress: string, headers: Record<string, string> = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: "127.0.0.1", port, localAddress, agent: false, headers }, (incoming) => {
        let body = "";
        incoming.on("data", (chunk: Buffer) => (body += chunk));
        incoming.on("end", () => resolve(body));
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
  }

  beforeAll(async () => {
    server = createServer((req, res) => res.end(findClientAddress(new Headers(req.headers as Record<string, string>))));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => {
    if (originalHops === undefined) delete process.env.TRUSTED_PROXY_HOPS;
    else process.env.TRUSTED_PROXY_HOPS = originalHops;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("answers UNVERIFIED for requests the stamp has not seen, whatever they claim", async () => {
    expect(await askFrom("127.0.0.21", { [STAMP_HEADER]: "guess 198.51.100.1" })).toBe(UNVERIFIED);
    stampClientAddresses();
    expect(findClientAddress(new Headers({ [STAMP_HEADER]: "guess 198.51.100.1" }))).toBe(UNVERIFIED);
  });

  it("answers the socket's address when no proxy is trusted, ignoring X-Forwarded-For and a forged stamp", async () => {
    stampClientAddresses();
    expect(await askFrom("127.0.0.21")).toBe("127.0.0.21");
    expect(
      await askFrom("127.0.0.22", { "x-forwarded-for": "203.0.113.5", [STAMP_HEADER]: "guess 198.51.100.1" }),
    ).toBe("127.0.0.22");
  });

  it("behind trusted proxies, answers the address the farthest of them appended, else the socket's", async () => {
    stampClientAddresses();
    process.env.TRUSTED_PROXY_HOPS = "1";
    expect(await askFrom("127.0.0.21", { "x-forwarded-for": "198.51.100.1, 203.0.113.5" })).toBe("203.0.113.5");
    expect(await askFrom("127.0.0.21")).toBe("127.0.0.21");
    expect(await askFrom("127.0.0.21", { "x-forwarded-for": "not-an-address" })).toBe("127.0.0.21");
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect(await askFrom("127.0.0.21", { "x-forwarded-for": "198.51.100.1, 203.0.113.5, 10.0.0.2" })).toBe(
      "203.0.113.5",
    );
    expect(await askFrom("127.0.0.21", { "x-forwarded-for": "203.0.113.5" })).toBe("127.0.0.21");
  });
});
