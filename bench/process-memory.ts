/** Resident memory of a server process and everything it started, read from /proc (Linux). */
import { readdirSync, readFileSync } from "node:fs";

/** Bytes of RSS of `pid` and its descendants; 0 for a process that has gone. */
export function readTreeRss(pid: number): number {
  const children = readChildrenByParent();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    total += readRss(current);
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

function readRss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function readChildrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const parent = readParent(Number(entry));
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  return children;
}

/** The parent pid from /proc/<pid>/stat; the command name in parentheses may itself hold spaces or parentheses. */
function readParent(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}
