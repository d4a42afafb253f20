/**
 * The command-line tools without DATABASE_URL use npm start's embedded
 * PostgreSQL: they refuse clearly when there is none yet, reuse the server
 * while it runs, and start it for the command (and stop it after) when it
 * does not.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_DATABASE } from "@/lib/db/cli-database";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { EmbeddedPostgresServer } from "@/lib/db/embedded-postgres";
import { findFreePort } from "@/test/support/free-port";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const SEED = "prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md";

let dataRoot: string;
let port: number;
let server: EmbeddedPostgresServer | null = null;

/** Runs a CLI script as a person would after npm start: no DATABASE_URL, the data under GPA_DATA_DIR. */
async function cli(script: string, ...args: string[]) {
  const { DATABASE_URL: _unset, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(TSX, [script, ...args], {
      env: { ...env, GPA_DATA_DIR: dataRoot, EMBEDDED_PG_PORT: String(port) },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function isListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(tmpdir(), "gpa-cli-"));
  port = await findFreePort();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await rm(dataRoot, { recursive: true, force: true });
});

describe("the command-line tools without DATABASE_URL", () => {
  it("refuse clearly when npm start has made no embedded database yet", async () => {
    const result = await cli("scripts/plan.ts", "suggest", "--text", "resources");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /DATABASE_URL is not set, and there is no embedded database in .* yet: run npm start once, or set DATABASE_URL/,
    );
  });

  it("use the embedded server while it runs (as during npm start)", async () => {
    server = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "postgres"), port });
    await server.ensureDatabase(EMBEDDED_DATABASE);
    expect((await cli("scripts/migrate.ts")).stdout).toMatch(/Applied \d+ migration/);
    const imported = await cli("scripts/dialogue.ts", "import", SEED);
    expect(imported.stdout).toMatch(/^created: 2009-05-13-taking-collective-action-to-end-human-trafficking/);
    expect(await isListening()).toBe(true);
  }, 120_000);

  it("start the embedded server for the command when it is stopped, and stop it after", async () => {
    await server!.stop();
    server = null;
    expect(await isListening()).toBe(false);
    const seeded = await cli("scripts/plan.ts", "seed");
    expect(seeded.stdout).toMatch(/^created: plan \S+ \(12 sections/);
    const suggested = await cli(
      "scripts/plan.ts",
      "suggest",
      "--text",
      "Map the resources required and how they may be mobilized",
      "--limit",
      "3",
    );
    expect(suggested.code).toBe(0);
    expect(JSON.parse(suggested.stdout)[0]).toMatchObject({
      target: { type: "summary-item", id: expect.stringMatching(/:should-8$/) },
    });
    expect(await isListening()).toBe(false);
  }, 120_000);
});
