/** The environment, validated once with zod so a bad value fails with its name. */
import { z } from "zod";

/**
 * How many reverse proxies in front of the app append the client's address to X-Forwarded-For (0: none is trusted,
 * the socket's address counts). See lib/http/client-address.ts.
 */
export const ZTrustedProxyHops = z.coerce.number().int().min(0).max(10).default(0);

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Port of the embedded PostgreSQL that npm start runs when DATABASE_URL is unset. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Where npm start keeps the embedded database and logs. */
  GPA_DATA_DIR: z.string().default(".data"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session cookies. Required in production; generated under GPA_DATA_DIR otherwise. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  /** The public URL of the app, for next-auth's links. */
  NEXTAUTH_URL: z.string().url().optional(),
  TRUSTED_PROXY_HOPS: ZTrustedProxyHops,
  /** "1" seeds the demo accounts even with DATABASE_URL set. */
  DEMO: z.enum(["0", "1"]).optional(),
  DEMO_PASSWORD: z.string().min(1).default("gpa-demo"),
  /** Port the collaboration (WebSocket) server listens on. */
  COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(1234),
  /**
   * The interface the collaboration server listens on. Loopback by default, so
   * `npm start` is not reachable from the network; a container behind the
   * reverse proxy sets 0.0.0.0.
   */
  COLLAB_HOST: z.string().min(1).default("127.0.0.1"),
  /** The collaboration server's public URL, the one browsers connect to; defaults to ws://localhost:COLLAB_PORT. */
  COLLAB_URL: z.string().regex(/^wss?:\/\/\S+$/, "must be a ws:// or wss:// URL").optional(),
  /** "0": npm start does not run the collaboration server (it runs elsewhere, e.g. its own container). */
  START_COLLAB: z.enum(["0", "1"]).default("1"),
  /** How often the collaboration server takes an automatic version of a plan being edited, in minutes (0: never). */
  AUTO_SNAPSHOT_MINUTES: z.coerce.number().min(0).max(24 * 60).default(10),
  /** With it, collaboration servers share live documents through Redis, so there can be several. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Reads and checks process.env; throws one error naming every bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}
