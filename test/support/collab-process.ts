/**
 * `npm run collab` as production runs it, for tests that need the real
 * process and its real signals: start it, read its output, kill it. Plus
 * small helpers to type into a document and read what PostgreSQL holds.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import { TEST_AUTH_SECRET } from "./accounts";
import { toChildEnv } from "./child-env";
import { firstText, waitFor } from "./collab";

/** scripts/collab.ts's own default: the quiet period before a store. */
export const DEFAULT_DEBOUNCE_MS = 1000;
/** A cold start compiles the TypeScript with tsx; on a busy 2-core machine that takes seconds. */
const START_TIMEOUT_MS = 30_000;

export type CollabProcess = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const running: CollabProcess[] = [];

/** Starts `node --import tsx scripts/collab.ts` and resolves once it logs that it listens. */
export async function startCollabProcess({
  port,
  databaseUrl,
  parentPid,
}: {
  port: number;
  databaseUrl: string;
  parentPid?: number;
}): Promise<CollabProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/collab.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    // No REDIS_URL: one process, its own documents.
    env: toChildEnv({
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      COLLAB_PORT: String(port),
      REDIS_URL: undefined,
      COLLAB_PARENT_PID: parentPid ? String(parentPid) : undefined,
    }),
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const server = { child, output: () => output, exited };
  running.push(server);
  const isListening = waitFor(
    () => output.includes("[collab] listening"),
    `the collab process listens on ${port}`,
    START_TIMEOUT_MS,
  );
  const exitedEarly = exited.then(({ code, signal }) => {
    throw new Error(`the collab process exited before listening (code ${code}, signal ${signal}):\n${output}`);
  });
  await Promise.race([isListening, exitedEarly]);
  exitedEarly.catch(() => {});
  return server;
}

/** SIGKILLs every collab process a test started that is still running (for afterEach). */
export async function killCollabProcesses(): Promise<void> {
  for (const { child, exited } of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  }
}

/** Types `text` at the start of the document's first text, one character at a time. */
export async function typeSlowly(doc: Y.Doc, text: string, delayMs: number): Promise<void> {
  for (let i = 0; i < text.length; i++) {
    firstText(doc).insert(i, text[i]);
    await sleep(delayMs);
  }
}

/** The section's stored plain text. */
export async function storedText(sectionId: string): Promise<string> {
  return (await getPrisma().planSection.findUniqueOrThrow({ where: { id: sectionId } })).text;
}

/** The first text node of the stored Yjs state: what a client loading the section now would see. */
export async function storedFirstText(sectionId: string): Promise<string> {
  const { ydoc } = await getPrisma().planSection.findUniqueOrThrow({ where: { id: sectionId } });
  const doc = new Y.Doc();
  if (ydoc) Y.applyUpdate(doc, ydoc);
  return firstText(doc).toString();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
