/**
 * The collaboration server is its own process and must not pull in Next.js:
 * walks the static imports from its entry point through our own modules and
 * fails on any import of `next` or `next/*`.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
// `import type` is erased at run time, so it may name anything; every other import or re-export counts.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveLocal(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

/** Every package imported from `entry` or from the local modules it reaches. */
function packagesReachedFrom(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      const local = resolveLocal(specifier, file);
      if (local) queue.push(local);
      else if (!specifier.startsWith("@/") && !specifier.startsWith("."))
        packages.set(specifier, path.relative(ROOT, file));
    }
  }
  return packages;
}

describe("the collaboration server's imports", () => {
  it("reach Hocuspocus and Yjs but never next or next/*", () => {
    const packages = packagesReachedFrom(path.join(ROOT, "scripts/collab.ts"));
    expect(packages.has("@hocuspocus/server")).toBe(true);
    expect(packages.has("yjs")).toBe(true);
    const next = [...packages].filter(
      ([name]) => name === "next" || name.startsWith("next/") || name.startsWith("next-auth"),
    );
    expect(next).toEqual([]);
  });
});

describe("the policy module's imports", () => {
  it("never reach next or next/*: the collab server, the command line and every lib function load it", () => {
    const packages = packagesReachedFrom(path.join(ROOT, "lib/auth/policies.ts"));
    const next = [...packages].filter(
      ([name]) => name === "next" || name.startsWith("next/") || name.startsWith("next-auth"),
    );
    expect(next).toEqual([]);
  });
});
