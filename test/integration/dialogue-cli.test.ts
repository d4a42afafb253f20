/** The dialogue command line: real files, the run's database; in process, and spawned where the process matters. */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { main } from "@/scripts/dialogue";
import { runInProcess } from "@/test/support/cli";

const SEED = "prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md";
const dir = mkdtempSync(path.join(tmpdir(), "gpa-cli-"));

/** In process; the pipe test spawns the real script, as a person runs it. */
const dialogue = (...args: string[]) => runInProcess(main, args);

function writeFixture(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const HEAD = "## Summary of the Interactive Thematic Dialogue on “Oceans”\n\nNew York\n\n8 June 2012\n\n";

beforeAll(async () => {
  await getPrisma().dialogue.deleteMany();
});
afterAll(async () => {
  await getPrisma().dialogue.deleteMany();
  await disconnectPrisma();
});

describe("dialogue parse", () => {
  it("prints the parse of the 2009 document as JSON in the documented shape", async () => {
    const { code, stdout } = await dialogue("parse", SEED);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      title: expect.any(String),
      date: "2009-05-13",
      venue: "UN Trusteeship Council Chamber, New York",
    });
    expect(json.segments.map((s: { statements: unknown[] }) => s.statements.length)).toEqual([4, 5, 4, 2, 1]);
    expect(json.segments[1]).toMatchObject({
      key: "panel-1",
      kind: "panel",
      number: 1,
      links: [{ label: expect.any(String), url: expect.any(String) }],
    });
    expect(json.segments[2].statements[2]).toMatchObject({
      id: "panel-2.gupta",
      speaker: {
        name: "Ruchira Gupta",
        honorific: "Ms.",
        affiliation: "Founder and President, Apne Aap Women Worldwide",
      },
      sentences: expect.arrayContaining([
        expect.objectContaining({ id: "panel-2.gupta.s4", start: expect.any(Number), end: expect.any(Number) }),
      ]),
    });
    expect(json.summary.should[2]).toMatchObject({ id: "should-3", n: 3, keyPhrases: ["situational analysis"] });
    expect(json.summary.notes.length).toBe(2);
    expect(json.delegations).toHaveLength(54);
    expect(json.delegations).toContainEqual(expect.objectContaining({ name: "Sudan", onBehalfOf: "African Group" }));
  });

  it("writes the whole JSON into a pipe, as `npm run --silent dialogue -- parse FILE | …` gets it", async () => {
    const { stdout } = await promisify(execFile)("sh", ["-c", `npm run --silent dialogue -- parse ${SEED} | cat`], {
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(stdout).delegations).toHaveLength(54);
  });

  it.each([
    ["an empty file", "empty.md", "", ":1: the document is empty"],
    ["binary bytes", "binary.md", Uint8Array.from([0x23, 0x20, 0x41, 0x0a, 0x00, 0xff, 0x10]), ":2: binary content"],
    [
      "non-UTF-8 bytes",
      "latin1.md",
      Uint8Array.from([...Buffer.from(HEAD), 0x43, 0x61, 0x66, 0xe9, 0x0a]),
      ":7: bytes that are not valid UTF-8",
    ],
    ["no statements", "no-statements.md", HEAD + "### Opening session\n\nThe meeting opened.\n", ":7: no statements"],
    [
      "a list item outside any list",
      "stray-item.md",
      HEAD +
        "### Opening\n\n1. **Mr. A B**, Chair, said it.\n\n### Summary\n\nDelegations spoke.\n\n1. A stray item.\n",
      ":15: a summary list item outside any list",
    ],
    ["a file over 2 MB", "huge.md", "x".repeat(2 * 1024 * 1024 + 1), ":1: the file is 2.0 MB; the limit is 2 MB"],
  ])("refuses %s with FILE:LINE: reason and exit 1", async (_name, file, content, message) => {
    const filePath = writeFixture(file, content);
    const { code, stdout, stderr } = await dialogue("parse", filePath);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toMatch(
      new RegExp(
        `^${filePath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
      ),
    );
  });

  it("names a missing file", async () => {
    const { code, stderr } = await dialogue("parse", "no/such/file.md");
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("no/such/file.md:1: no such file");
  });
});

describe("dialogue import", () => {
  it("imports a document into the database, then finds it unchanged", async () => {
    const first = await dialogue("import", "test/fixtures/dialogues/ga-dialogue-2013-disaster-risk.md");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created: 2013-04-18-/);
    // The report of the annex mapped onto the roster: every name of this annex is a State or a group.
    expect(first.stdout).toContain("45 annex names mapped onto the roster (renamed: Turkey → Türkiye).");
    const second = await dialogue("import", "test/fixtures/dialogues/ga-dialogue-2013-disaster-risk.md");
    expect(second.stdout).toMatch(/^unchanged: /);
    expect(await getPrisma().dialogue.count()).toBe(1);
  });

  it("writes nothing for a bad document", async () => {
    const before = await getPrisma().statement.count();
    const bad = writeFixture("bad-import.md", HEAD + "### Summary\n\n1. A stray item.\n");
    const { code, stderr } = await dialogue("import", bad);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-import\.md:\d+: /);
    expect(await getPrisma().statement.count()).toBe(before);
  });
});
