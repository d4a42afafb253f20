/**
 * The README stays short, and its Layout table names every folder of the repository, so a newcomer can find
 * where things live and a new folder cannot be added without saying what it is for.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAX_README_BYTES = 8 * 1024;
/** `**` (a folder and everything below) is only for trees whose folder names carry no design: URLs and migrations. */
const SUBTREE_ROOTS = ["app/", "prisma/migrations/"];

const readme = readFileSync(`${REPO_ROOT}/README.md`, "utf8");

/** Every folder holding a tracked file, as `git ls-files | xargs -n1 dirname | sort -u` lists them, without ".". */
function listTrackedFolders(): string[] {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  const folders = new Set(files.map((file) => file.split("/").slice(0, -1).join("/")).filter(Boolean));
  return [...folders].sort();
}

/** The paths named in the first cell of each row of the README's Layout table. */
function readLayoutPaths(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("Layout\n"));
  if (!section) throw new Error('README.md has no "## Layout" section');
  const rows = section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2); // header and separator
  return rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

function isCovered(folder: string, paths: string[]): boolean {
  return paths.some((path) => {
    if (path.endsWith("/**")) {
      const base = path.slice(0, -"/**".length);
      return folder === base || folder.startsWith(`${base}/`);
    }
    return path === `${folder}/`;
  });
}

describe("README.md", () => {
  it(`is under ${MAX_README_BYTES / 1024} KB (the details live in docs/)`, () => {
    expect(Buffer.byteLength(readme, "utf8")).toBeLessThan(MAX_README_BYTES);
  });

  const folders = listTrackedFolders();
  const paths = readLayoutPaths(readme);

  it("names every tracked folder in its Layout table", () => {
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((folder) => !isCovered(folder, paths))).toEqual([]);
  });

  it("names only folders that exist, each as `folder/` or `folder/**`", () => {
    const stale = paths.filter((path) => {
      if (!/\/(\*\*)?$/.test(path)) return true;
      const base = path.replace(/\/(\*\*)?$/, "");
      return !folders.some((folder) => folder === base || folder.startsWith(`${base}/`));
    });
    expect(stale).toEqual([]);
  });

  it("uses `**` only under app/ and prisma/migrations/", () => {
    const subtrees = paths.filter((path) => path.endsWith("/**"));
    expect(subtrees.filter((path) => !SUBTREE_ROOTS.some((root) => path.startsWith(root)))).toEqual([]);
  });
});
