/** `npm run plan -- export|import` as a person runs them: formats, --out, --version, the restore, usage errors and exit codes. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import postgres from "postgres";
import { verifyPassword } from "@/lib/auth/password";
import { main } from "@/scripts/plan";
import { runInProcess, runSpawned } from "@/test/support/cli";
import { RESTORED_PASSWORD_HASH } from "@/lib/export/import-backup";
import { buildExportFixture, VERSION_ONLY_TEXT } from "@/test/support/export-fixture";
import { createTestDatabase } from "@/test/support/test-database";
import type { TestDatabase } from "@/test/support/test-database";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const PASSWORD = "restored-admin-password";
let dir: string;
let spare: TestDatabase | null = null;

/** In process on the run's database; spawned, as a person runs it, for another database or environment. */
function plan(args: string[], databaseUrl?: string, env: Record<string, string> = {}) {
  if (!databaseUrl && !Object.keys(env).length) return runInProcess(main, args);
  return runSpawned("scripts/plan.ts", args, { DATABASE_URL: databaseUrl ?? inject("databaseUrl"), ...env });
}

setUpSeedDialogue();
beforeAll(async () => {
  await buildExportFixture();
  dir = await mkdtemp(path.join(tmpdir(), "gpa-export-cli-"));
}, 60_000);
afterAll(async () => {
  await spare?.drop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe("npm run plan -- export", () => {
  it("writes Markdown with [^n] footnotes to stdout", async () => {
    const { code, stdout } = await plan(["export", "--format", "md"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Global Plan of Action/);
    expect(stdout).toMatch(/^\[\^1\]: /m);
    // --omit-empty is a flag of its own; what counts as empty is tested in export-numbering.test.ts.
    const omitting = await plan(["export", "--format", "md", "--omit-empty"]);
    expect(omitting.code).toBe(0);
    const headings = (markdown: string) => markdown.match(/^## /gm)?.length ?? 0;
    expect(headings(omitting.stdout)).toBeLessThanOrEqual(headings(stdout));
  });

  it("writes DOCX and PDF to --out, and needs --out for them", async () => {
    const docx = path.join(dir, "plan.docx");
    const written = await plan(["export", "--format", "docx", "--out", docx]);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^wrote .*plan\.docx \(\d+ bytes, docx\)/);
    expect((await readFile(docx)).subarray(0, 2).toString()).toBe("PK");
    const noOut = await plan(["export", "--format", "pdf"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/needs --out FILE/);
  });

  it("prints a version's text with --version", async () => {
    const pdf = path.join(dir, "rev1.pdf");
    expect((await plan(["export", "--format", "pdf", "--version", "Rev.1", "--out", pdf])).code).toBe(0);
    const text = (await promisify(execFile)("pdftotext", [pdf, "-"])).stdout.replace(/\s+/g, " ");
    expect(text).toContain(VERSION_ONLY_TEXT);
    expect(text).toContain("Rev.1");
    const missing = await plan(["export", "--format", "md", "--version", "Rev.7"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('No version "Rev.7" of this plan.');
  });

  it("refuses bad options clearly", async () => {
    expect((await plan(["export", "--format", "odt"])).stderr).toMatch(/invalid option format/);
    expect((await plan(["export", "--format", "backup", "--version", "Rev.1"])).stderr).toMatch(
      /--version applies to md, docx and pdf/,
    );
    expect((await plan(["export", "--format", "md", "--plan", "nope"])).stderr.trim()).toBe("no plan nope");
    const unknown = await plan(["export", "--format", "md", "--output", "x.md"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--output'[\s\S]*usage: npm run plan/);
  });
});

describe("npm run plan -- import", () => {
  it("restores a JSON export into an empty database, and refuses a non-empty one", async () => {
    const backup = path.join(dir, "backup.json");
    expect((await plan(["export", "--format", "backup", "--out", backup])).code).toBe(0);
    const refused = await plan(["import", "--file", backup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*nothing was imported/);
    spare = await createTestDatabase();
    expect((await plan(["import", "--file", backup, "--admin", "admin@export.test"], spare.url)).stderr).toMatch(
      /--admin needs the new password in RESTORE_ADMIN_PASSWORD/,
    );
    const notAdmin = await plan(["import", "--file", backup, "--admin", "facilitator@export.test"], spare.url, {
      RESTORE_ADMIN_PASSWORD: PASSWORD,
    });
    expect(notAdmin.stderr).toMatch(/facilitator@export.test is not an enabled admin in the backup/);
    const restored = await plan(["import", "--file", backup, "--admin", "admin@export.test"], spare.url, {
      RESTORE_ADMIN_PASSWORD: PASSWORD,
    });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /^restored plan \S+ of dialogue 2009-05-13-\S+ \(\d+ users, 12 sections, \d+ links, 2 threads/,
    );
    expect(restored.stdout).toMatch(/admin@export.test can sign in with the password from RESTORE_ADMIN_PASSWORD/);
    // The named admin can sign in with the new password; nobody else has one.
    const sql = postgres(spare.url, { max: 1 });
    try {
      const users = await sql<{ email: string; passwordHash: string }[]>`SELECT "email", "passwordHash" FROM "User"`;
      expect(users.length).toBeGreaterThan(4);
      for (const user of users) {
        if (user.email === "admin@export.test") expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
        else expect(user.passwordHash).toBe(RESTORED_PASSWORD_HASH);
      }
      // The paragraph agreed ad ref comes back with its status.
      expect(await sql`SELECT "status" FROM "ParagraphStatus"`).toEqual([{ status: "agreed_ad_ref" }]);
    } finally {
      await sql.end();
    }
    // The restore exports the same JSON, apart from when it was exported.
    const again = await plan(["export", "--format", "backup"], spare.url);
    const stamp = (text: string) => text.replace(/"exportedAt": "[^"]+"/, "");
    expect(stamp(again.stdout)).toBe(stamp(await readFile(backup, "utf8")));
  }, 90_000); // four CLI runs, each a cold tsx start: slow on a busy 2-core machine

  it("names the wrong field of a bad file, and needs --file", async () => {
    const bad = path.join(dir, "bad.json");
    const backup = JSON.parse(await readFile(path.join(dir, "backup.json"), "utf8"));
    backup.sections[2].position = "third";
    await writeFile(bad, JSON.stringify(backup));
    const result = await plan(["import", "--file", bad], spare!.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invalid at sections\.2\.position/);
    expect((await plan(["import"])).code).toBe(2);
    expect((await plan(["import", "--file", path.join(dir, "missing.json")])).code).toBe(1);
  });
});
