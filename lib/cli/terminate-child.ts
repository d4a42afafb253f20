import type { ChildProcess } from "node:child_process";

/** Sends SIGTERM to a child that is still running and waits until it has exited. */
export async function terminateChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
