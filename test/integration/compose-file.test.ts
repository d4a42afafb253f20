/**
 * docker-compose.yml, read by Debian's docker-compose 1.29 (no engine needed):
 * it must validate, and the collaboration service must listen beyond
 * loopback inside its container and be health-checked where it answers.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function composeConfig(): string | null {
  try {
    return execFileSync("docker-compose", ["-f", "docker-compose.yml", "config"], {
      encoding: "utf8",
      env: { ...process.env, AUTH_SECRET: "x".repeat(32) },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`docker-compose config refused the file:\n${(error as { stderr?: string }).stderr ?? error}`);
  }
}

const config = composeConfig();

describe.skipIf(config === null && !process.env.CI)("docker-compose.yml", () => {
  it("validates, and the collab service listens on 0.0.0.0 and is health-checked at /healthz", () => {
    expect(config).not.toBeNull();
    const collab = config!.slice(config!.indexOf("\n  collab:"));
    expect(collab).toMatch(/COLLAB_HOST: 0\.0\.0\.0/);
    expect(collab).toContain("/healthz");
  });
});
