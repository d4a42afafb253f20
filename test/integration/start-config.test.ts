/** npm start refuses a production configuration without a secret, before it touches any database. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { toChildEnv } from "@/test/support/child-env";

const run = promisify(execFile);

async function start(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  try {
    await run(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: toChildEnv({ PATH, HOME, ...env }),
      timeout: 30_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe("npm start configuration", () => {
  it("refuses to start in production without AUTH_SECRET, saying what to set", async () => {
    // An address nothing listens on: the check must come before any connection.
    const result = await start({ NODE_ENV: "production", DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET is required in production");
  });

  it("refuses a secret that is too short, naming the variable", async () => {
    const result = await start({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none",
      AUTH_SECRET: "short",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("refuses a DATABASE_URL that is not a PostgreSQL URL", async () => {
    const result = await start({ DATABASE_URL: "mysql://x@y/z" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
  });
});
