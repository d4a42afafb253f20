/**
 * `npm run collab` started by another process. Its faults (SIGTERM with
 * pending edits, SIGKILL mid-typing) are tested in test/faults/, each
 * against a PostgreSQL of its own.
 */
import { spawn } from "node:child_process";
import { afterEach, describe, expect, inject, it } from "vitest";
import { killCollabProcesses, startCollabProcess } from "@/test/support/collab-process";
import { findFreePort } from "@/test/support/free-port";

afterEach(async () => {
  await killCollabProcesses();
});

describe("the collab process started by another", () => {
  it("stops when its parent dies without stopping it, instead of living on as an orphan", async () => {
    const parent = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const server = await startCollabProcess({
      port: await findFreePort(),
      databaseUrl: inject("databaseUrl"),
      parentPid: parent.pid,
    });
    parent.kill("SIGKILL");
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.output()).toContain("parent gone");
  }, 30_000);
});
