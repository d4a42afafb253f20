/**
 * `npm start` as a person on a fresh machine runs it: no DATABASE_URL, so an
 * embedded PostgreSQL; then SIGTERM, and a second start on the same data.
 * It reuses the build that the e2e setup made.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { toChildEnv } from "@/test/support/child-env";
import { waitFor } from "@/test/support/collab";
import { findFreePort } from "@/test/support/free-port";

const dataDir = mkdtempSync(path.join(tmpdir(), "gpa-start-"));

type Started = { child: ChildProcess; output: () => string };

async function startApp(ports: { app: number; pg: number; collab: number }): Promise<Started> {
  // No DATABASE_URL, as on a fresh machine.
  const { DATABASE_URL: _url, NODE_ENV: _mode, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(ports.app),
    EMBEDDED_PG_PORT: String(ports.pg),
    GPA_DATA_DIR: dataDir,
    COLLAB_PORT: String(ports.collab),
  };
  // The same command as the "start" script in package.json: one process, so signals reach it directly.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: toChildEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (!(await isHomePageUp(ports.app))) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not serve within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { child, output: () => output };
}

async function isHomePageUp(port: number): Promise<boolean> {
  try {
    // Signed out, the home page sends people to sign in.
    const response = await fetch(`http://localhost:${port}/`, { redirect: "manual" });
    return response.status === 307 && (response.headers.get("location") ?? "").includes("/sign-in");
  } catch {
    return false;
  }
}

async function stopWith(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once("exit", (code) => resolve(code)));
  started.child.kill(signal);
  return exited;
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(!inject("hasBrowser"))("npm start without DATABASE_URL", () => {
  it("starts embedded PostgreSQL, migrates, imports, serves, stops cleanly and reuses its data", async () => {
    const ports = { app: await findFreePort(), pg: await findFreePort(), collab: await findFreePort() };
    const first = await startApp(ports);
    const lines = first
      .output()
      .split("\n")
      .filter((l) => l.startsWith("▸"));
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual([
      "secret",
      "database",
      "migrate",
      "dialogue",
      "plan",
      "accounts",
      "build",
      "collab",
      "serve",
    ]);
    expect(first.output()).toMatch(new RegExp(`collab\\s+ws://localhost:${ports.collab}`));
    await waitFor(() => isPortOpen(ports.collab), "the collaboration server listens");
    expect(first.output()).toContain("new data");
    expect(first.output()).toMatch(/dialogue\s+2009-05-13-taking-collective-action-to-end-human-trafficking created/);
    expect(first.output()).toMatch(/plan\s+seeded 12 sections, \d+ confirmed links/);
    expect(first.output()).toMatch(/accounts\s+6 demo accounts created; password "gpa-demo": admin@demo\.local/);

    expect(await stopWith(first, "SIGTERM")).toBe(0);
    expect(first.output()).toContain("stopped");
    expect(await isPortOpen(ports.pg)).toBe(false);
    expect(await isPortOpen(ports.app)).toBe(false);
    expect(await isPortOpen(ports.collab)).toBe(false);

    const second = await startApp(ports);
    expect(second.output()).toContain("existing data");
    const migrations = readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    expect(second.output()).toMatch(new RegExp(`migrate\\s+0 applied, ${migrations} already up to date`));
    expect(second.output()).toContain("already imported");
    expect(second.output()).toMatch(/plan\s+1 plan\(s\) already seeded/);
    expect(second.output()).toMatch(/secret\s+AUTH_SECRET from/);
    expect(second.output()).toMatch(/accounts\s+0 demo accounts created/);
    expect(await stopWith(second, "SIGINT")).toBe(0);
    expect(await isPortOpen(ports.pg)).toBe(false);
  });
});
