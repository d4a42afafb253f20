/**
 * The frame of our command-line tools (scripts/plan.ts, scripts/dialogue.ts):
 * a `main(argv, io)` that returns an exit code and writes only through `io`,
 * so tests run it in process, and one runner that handles what it throws.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { disconnectPrisma } from "@/lib/db";
import { writeStdout } from "./write-stdout";

export type CliIo = {
  /** Standard output: the command's result (JSON, a document), waited for so nothing is cut at exit. */
  out: (text: string) => Promise<void>;
  /** Standard error: progress, refusals, usage; one line per call. */
  err: (line: string) => void;
};
export type CliMain = (argv: string[], io: CliIo) => Promise<number>;

const PROCESS_IO: CliIo = { out: writeStdout, err: (line) => console.error(line) };

/** Runs `main` and turns what it throws into a message on stderr and exit code 1. */
export async function runMain(main: CliMain, argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    io.err(describeError(error));
    return 1;
  }
}

/** When this module is the one node was started with: runs `main` on the process's arguments and exits with its code. */
export function runAsScript(moduleUrl: string, main: CliMain): void {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(path.resolve(entry)).href !== moduleUrl) return;
  void runMain(main, process.argv.slice(2)).then(async (code) => {
    await disconnectPrisma().catch(() => {});
    process.exit(code);
  });
}

function describeError(error: unknown): string {
  if (error instanceof z.ZodError)
    return `invalid option ${error.issues[0].path.join(".")}: ${error.issues[0].message}`;
  return error instanceof Error ? error.message : String(error);
}
