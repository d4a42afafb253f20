/**
 * Components decide what to offer from the abilities the server sends
 * (lib/auth/policies.ts), never from a role: a rule re-derived in the UI
 * drifts from the one the server enforces. Fails on any role comparison
 * under components/, apart from the admin form that edits a role.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(process.cwd(), "components");
/** The user being edited is a delegate, so the form asks for their delegation: data, not a permission. */
const ALLOWED = new Set(["admin/user-row-controls.tsx"]);
const ROLE_TEST = /\.role\s*[!=]==|[!=]==\s*\w+\.role\b/;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name))
      : entry.name.endsWith(".tsx") || entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe("components", () => {
  it("never compare a role to decide what to show", () => {
    const offenders = listFiles(ROOT)
      .filter((file) => !ALLOWED.has(path.relative(ROOT, file)))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => [`${path.relative(ROOT, file)}:${i + 1}`, line] as const),
      )
      .filter(([, line]) => ROLE_TEST.test(line))
      .map(([where]) => where);
    expect(offenders).toEqual([]);
  });
});
