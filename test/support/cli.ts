/**
 * Running our command-line tools in tests: in process, through the same
 * main(argv, io) and error handling the script runs (fast: no tsx start-up
 * per call), or spawned as a person runs them, for the few tests about the
 * process itself (a pipe, exit codes, another database, the environment).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { runMain } from "@/lib/cli/run-cli";
import type { CliMain } from "@/lib/cli/run-cli";

export type CliResult = { code: number; stdout: string; stderr: string };

const TSX = path.resolve("node_modules/.bin/tsx");
const execFileAsync = promisify(execFile);

export async function runInProcess(main: CliMain, args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runMain(main, args, {
    out: async (text) => void (stdout += text),
    err: (line) => void (stderr += `${line}\n`),
  });
  return { code, stdout, stderr };
}

export async function runSpawned(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(TSX, [script, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
