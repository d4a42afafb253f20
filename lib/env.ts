/**
 * The environment, validated with zod so a bad value fails with its name. Each variable's meaning is its
 * `.describe()`; `npm run docs:env` prints them into docs/operations/configuration.md, and a test keeps that current.
 * `.meta({ defaultText })` shows, as markdown, a default that is applied elsewhere rather than by the schema.
 *
 * This is the only module that touches process.env (test/unit/env-reader.test.ts keeps it so): the app, the
 * collaboration server and the command-line tools read `env`, or `readEnv()` to check every variable at once.
 * No NEXT_PUBLIC_ variable exists: browsers get what they need (the collaboration URL) from the server, so nothing
 * here has to be inlined into the client bundle.
 */
import { z } from "zod";

const ZPort = z.coerce.number().int().min(1).max(65535);

const ZTrustedProxyHops = z.coerce
  .number()
  .int()
  .min(0)
  .max(10)
  .default(0)
  .describe(
    "How many reverse proxies in front of the app append the client's address to `X-Forwarded-For`. With `0`, none is " +
      "trusted and the socket's address counts. Behind a proxy, set it, or every client shares the proxy's address and " +
      "its sign-in limit (lib/http/client-address.ts).",
  );

/** Every variable the app, the collaboration server and the command-line tools read. */
export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional()
    .describe(
      "PostgreSQL to use, e.g. `postgresql://postgres@127.0.0.1:5432/gpa`. Unset: `npm start` runs an embedded " +
        "PostgreSQL, and the command-line tools (`npm run plan`, `npm run dialogue -- import`, `npm run db:migrate`) " +
        "use that one: while `npm start` runs, they share its server; otherwise they start it for the command and stop " +
        "it after.",
    ),
  PORT: ZPort.default(3000).describe("Port of the web server."),
  EMBEDDED_PG_PORT: ZPort.default(54329).describe(
    "Port of the embedded PostgreSQL that `npm start` runs when `DATABASE_URL` is unset (its own, as 5432 may be taken).",
  ),
  GPA_DATA_DIR: z
    .string()
    .default(".data")
    .describe("Where `npm start` keeps the embedded database, the build log and the generated `auth-secret`."),
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development")
    .describe(
      "With `production`, `npm start` refuses to start without `AUTH_SECRET` when `DATABASE_URL` is set, and creates no " +
        "demo accounts unless `DEMO=1`. (`npm start` always runs the built app itself in production mode.)",
    ),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
    .optional()
    .describe(
      "Signs session cookies, and (through a derived key) collaboration tokens. Required when `NODE_ENV=production` " +
        "with `DATABASE_URL`; otherwise generated once into `GPA_DATA_DIR/auth-secret`.",
    )
    .meta({ defaultText: "generated" }),
  NEXTAUTH_SECRET: z
    .string()
    .optional()
    .describe("next-auth's name for the same secret, read when `AUTH_SECRET` is unset; `npm start` sets both."),
  NEXTAUTH_URL: z
    .string()
    .url()
    .optional()
    .describe(
      "The address people use to reach the app: next-auth's redirects, and the invitation and password-reset links. " +
        "Session cookies are `Secure` when it is https.",
    )
    .meta({ defaultText: "`http://localhost:PORT`" }),
  TRUSTED_PROXY_HOPS: ZTrustedProxyHops,
  DEMO: z
    .enum(["0", "1"])
    .optional()
    .describe("`1` seeds the demo accounts even with `DATABASE_URL` set or `NODE_ENV=production`.")
    .meta({ defaultText: "`0`" }),
  DEMO_PASSWORD: z.string().min(1).default("gpa-demo").describe("Password of the demo accounts."),
  RESTORE_ADMIN_PASSWORD: z
    .string()
    .optional()
    .describe(
      "`npm run plan -- import` gives it to the admin named with `--admin`, the one restored account with a usable " +
        "password (a backup holds no password hashes). Read from the environment, never the command line.",
    ),
  CHROMIUM_PATH: z
    .string()
    .default("/usr/bin/chromium")
    .describe(
      "The browser that prints PDF exports (without it the export answers 503), and drives the end-to-end tests.",
    ),
  COLLAB_PORT: ZPort.default(1234).describe("Port the collaboration (WebSocket) server listens on."),
  COLLAB_HOST: z
    .string()
    .min(1)
    .default("127.0.0.1")
    .describe(
      "The interface the collaboration server listens on. Loopback by default, so `npm start` is not reachable from " +
        "the network; a container behind the reverse proxy sets `0.0.0.0`.",
    ),
  COLLAB_URL: z
    .string()
    .regex(/^wss?:\/\/\S+$/, "must be a ws:// or wss:// URL")
    .optional()
    .describe(
      "The collaboration server's public URL, the one browsers connect to (the only one the app reads; `wss://` behind TLS).",
    )
    .meta({ defaultText: "`ws://localhost:COLLAB_PORT`" }),
  START_COLLAB: z
    .enum(["0", "1"])
    .default("1")
    .describe("`0`: `npm start` does not run the collaboration server (it runs elsewhere, e.g. its own container)."),
  COLLAB_PARENT_PID: z
    .string()
    .regex(/^\d+$/, "must be a process id")
    .optional()
    .describe(
      "Set by `npm start` and the test setup for the collaboration server they spawn: if that process dies without " +
        "stopping it (SIGKILL), the server stops too rather than hold the port. Not for people to set.",
    ),
  AUTO_SNAPSHOT_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(10)
    .describe(
      "How often, in minutes, the collaboration server takes an automatic version of a plan being edited; `0`: never.",
    ),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional()
    .describe(
      "With it, collaboration servers share live documents through Redis, so there can be several. Read whole: " +
        "`rediss://` for TLS, `user:password@`, and a database number as the path (`redis://cache:6379/2`).",
    ),
});

export type TEnv = z.infer<typeof ZEnv>;

type TEnvName = keyof TEnv;

/** Reads and checks process.env; throws one error naming every bad variable. For a process's start. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const result = ZEnv.safeParse(withoutEmpty(source));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

/**
 * The environment, each variable read and checked when it is asked for, not when this module loads: `npm start`
 * sets DATABASE_URL for itself, and tests set variables in their setup, after the imports. Checking one variable at
 * a time, a bad value fails with its name where it is used, and breaks nothing that does not use it.
 */
export const env: Readonly<TEnv> = Object.defineProperties(
  {} as TEnv,
  Object.fromEntries(
    (Object.keys(ZEnv.shape) as TEnvName[]).map((name) => [name, { enumerable: true, get: () => readVariable(name) }]),
  ),
);

function readVariable<Name extends TEnvName>(name: Name): TEnv[Name] {
  const raw = process.env[name];
  const result = ZEnv.shape[name].safeParse(raw === "" ? undefined : raw);
  if (!result.success) {
    throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${name}: ${i.message}`).join("; ")}`);
  }
  return result.data as TEnv[Name];
}

/** The secret that signs sessions and collaboration tokens: AUTH_SECRET, or next-auth's NEXTAUTH_SECRET. */
export function readAuthSecret(): string | undefined {
  return env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
}

/** Whether the operator set `name` (not empty), as opposed to its default applying. */
export function isEnvSet(name: TEnvName): boolean {
  return Boolean(process.env[name]);
}

/** Sets a variable for this process, and for the processes it starts from then on. (NODE_ENV is Next's to set.) */
export function setEnv(name: Exclude<TEnvName, "NODE_ENV">, value: string): void {
  process.env[name] = value;
}

/** A child process's environment: this one's, with `overrides` on top (spawn's `env` replaces, not merges). */
export function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

// An empty variable counts as unset (`FOO= npm start`), so it gets the default instead of failing its check.
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
}
