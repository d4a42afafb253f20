/** REDIS_URL is read whole, so managed Redis (TLS, an ACL user, a database number) works as configured. */
import { describe, expect, it } from "vitest";
import { createRedisClient } from "@/lib/collab/server";

describe("createRedisClient", () => {
  it("takes TLS, the user, the password and the database from the URL", () => {
    const client = createRedisClient("rediss://collab:s%3Acret@cache.example.org:6380/4");
    try {
      expect(client.options).toMatchObject({
        host: "cache.example.org",
        port: 6380,
        username: "collab",
        password: "s:cret",
        db: 4,
        tls: expect.anything(),
      });
      expect(client.status).toBe("wait"); // lazy: nothing is sent before the first command
    } finally {
      client.disconnect();
    }
  });

  it("takes a plain local URL with the defaults", () => {
    const client = createRedisClient("redis://127.0.0.1:6379");
    try {
      expect(client.options).toMatchObject({ host: "127.0.0.1", port: 6379, db: 0 });
      expect(client.options.tls).toBeUndefined();
    } finally {
      client.disconnect();
    }
  });
});
