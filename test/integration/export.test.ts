/**
 * Export and backup against a real PostgreSQL and Chromium: DOCX footnotes
 * (read out of the file with a small zip reader), PDF text (poppler's
 * pdftotext and pdfinfo), Markdown of a version, the JSON round trip through a second fresh
 * database, and a restore that refuses a non-empty database or a bad file
 * and then writes nothing.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportBackup } from "@/lib/export/export-backup";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import { importBackup } from "@/lib/export/import-backup";
import { listUsers } from "@/lib/users/list-users";
import { createPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { buildExportFixture, VERSION_ONLY_TEXT } from "@/test/support/export-fixture";
import type { TExportFixture } from "@/test/support/export-fixture";
import { readZipEntry } from "@/test/support/read-zip-entry";
import { createTestDatabase } from "@/test/support/test-database";
import type { TestDatabase } from "@/test/support/test-database";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

const run = promisify(execFile);
let fixture: TExportFixture;
let dir: string;
let mainUrl: string;
const spare: TestDatabase[] = [];

/** Runs `body` with getPrisma() pointed at another database, then points it back. */
async function withDatabase<T>(url: string, body: () => Promise<T>): Promise<T> {
  await disconnectPrisma();
  process.env.DATABASE_URL = url;
  try {
    return await body();
  } finally {
    await disconnectPrisma();
    process.env.DATABASE_URL = mainUrl;
  }
}

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  spare.push(database);
  return database;
}

/** Rows in the tables a restore writes. */
async function countRows() {
  const prisma = getPrisma();
  const counts = await Promise.all([
    prisma.dialogue.count(),
    prisma.user.count(),
    prisma.plan.count(),
    prisma.planSection.count(),
    prisma.provenanceLink.count(),
    prisma.statement.count(),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

const decodeXml = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

setUpSeedDialogue();
beforeAll(async () => {
  mainUrl = process.env.DATABASE_URL!;
  fixture = await buildExportFixture();
  dir = await mkdtemp(path.join(tmpdir(), "gpa-export-"));
}, 60_000);

afterAll(async () => {
  for (const database of spare) await database.drop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe("DOCX", () => {
  it("holds every cited quote as a real footnote, the title page and an annex table", async () => {
    const file = await exportPlanFile({ planId: fixture.planId, format: "docx" });
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const footnotes = decodeXml(readZipEntry(file.body, "word/footnotes.xml"));
    const body = readZipEntry(file.body, "word/document.xml");
    // The inline citation: speaker, role, segment and the quoted sentence.
    expect(footnotes).toContain(fixture.cited.quote);
    expect(footnotes).toContain(fixture.cited.speaker);
    if (fixture.cited.affiliation) expect(footnotes).toContain(fixture.cited.affiliation);
    expect(footnotes).toContain("Amendment 1 by Ecuador");
    // Every confirmed source of the live text is a footnote (uncited ones at the end of their passage).
    const confirmed = await getPrisma().provenanceLink.findMany({
      where: { planId: fixture.planId, status: "confirmed", summaryItemId: { not: null } },
      include: { summaryItem: true },
    });
    expect(confirmed.length).toBeGreaterThan(10);
    for (const link of confirmed) expect(footnotes).toContain(link.summaryItem!.text);
    const references = body.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? [];
    expect(references.length).toBeGreaterThanOrEqual(confirmed.length + 2);
    expect(body).toContain("Sources");
    expect(body).not.toContain("Annex: provenance links");
    expect(body).toContain("<w:tbl>");
    expect(body).toContain("Working draft");
    const sections = await getPrisma().planSection.findMany({ where: { planId: fixture.planId } });
    for (const section of sections) expect(decodeXml(body)).toContain(section.title);
  });
});

describe("PDF", () => {
  it("has pages, and its text holds every section title", async () => {
    const file = await exportPlanFile({ planId: fixture.planId, format: "pdf" });
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfPath = path.join(dir, "plan.pdf");
    await writeFile(pdfPath, file.body);
    const info = (await run("pdfinfo", [pdfPath])).stdout;
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    const text = (await run("pdftotext", ["-layout", pdfPath, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout.replace(
      /\s+/g,
      " ",
    );
    const sections = await getPrisma().planSection.findMany({ where: { planId: fixture.planId } });
    for (const section of sections) expect(text).toContain(section.title);
    expect(text).toContain("Sources");
    expect(text).not.toContain("Annex: provenance links");
  });

  it("says plainly when Chromium is missing", async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      await expect(exportPlanFile({ planId: fixture.planId, format: "pdf" })).rejects.toThrow(
        /needs Chromium, which is not at \/nonexistent\/chromium/,
      );
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
  });
});

describe("Markdown and versions", () => {
  it("prints the live draft with [^n] footnotes", async () => {
    const markdown = (await exportPlanFile({ planId: fixture.planId, format: "md" })).body.toString();
    expect(markdown).toMatch(/\[\^1\]/);
    expect(markdown).toMatch(/^\[\^1\]: /m);
    expect(markdown).not.toContain(VERSION_ONLY_TEXT);
  });

  it("--version prints that version's text, dated and labelled", async () => {
    const file = await exportPlanFile({ planId: fixture.planId, format: "md", versionLabel: "Rev.1" });
    const markdown = file.body.toString();
    expect(markdown).toContain(VERSION_ONLY_TEXT);
    expect(markdown).toMatch(/^Rev\.1 · /m);
    expect(file.filename).toMatch(/-rev-1\.md$/);
    // The version's snapshot (which names sources by targetKey only) still gives the inline citation its full footnote.
    const footnote = markdown
      .replace(/\\(.)/g, "$1")
      .split("\n")
      .find((line) => line.includes(fixture.cited.quote));
    expect(footnote).toMatch(/^\[\^\d+\]: /);
    expect(footnote).toContain(fixture.cited.speaker);
    expect(footnote).toContain("Panel");
  });

  it("refuses an unknown version", async () => {
    await expect(exportPlanFile({ planId: fixture.planId, format: "md", versionLabel: "Rev.9" })).rejects.toThrow(
      /No version "Rev.9"/,
    );
  });
});

describe("JSON backup", () => {
  it("leaves facilitators-only threads and emails out of a delegate's export", async () => {
    const full = await exportBackup({ planId: fixture.planId });
    const delegate = await exportBackup({
      planId: fixture.planId,
      viewer: { id: "u-delegate", role: "delegate", delegationId: null },
    });
    const facilitator = await exportBackup({
      planId: fixture.planId,
      viewer: { id: "u-facilitator", role: "facilitator", delegationId: null },
    });
    expect(JSON.stringify(full)).toContain(fixture.hiddenThreadBody);
    expect(JSON.stringify(facilitator)).toContain(fixture.hiddenThreadBody);
    expect(JSON.stringify(delegate)).not.toContain(fixture.hiddenThreadBody);
    expect(delegate.threads.every((thread) => thread.visibility === "everyone")).toBe(true);
    expect(delegate.concerns.length).toBe(full.concerns.length - 1);
    expect(delegate.scope).toBe("reader");
    expect(delegate.users.every((user) => user.email === null)).toBe(true);
    expect(JSON.stringify(full)).not.toMatch(/passwordHash/);
  });

  it("round-trips: export → import into a fresh database → export gives the same JSON apart from exportedAt", async () => {
    // A round opened on a version, and a silence procedure on it that a delegation broke (which prints nothing).
    const version = await getPrisma().planVersion.findFirstOrThrow({ where: { planId: fixture.planId } });
    const round = await getPrisma().negotiationRound.create({
      data: { planId: fixture.planId, number: 2, revision: 1, revisionId: version.id },
    });
    await getPrisma().silenceProcedure.create({
      data: {
        planId: fixture.planId,
        roundId: round.id,
        versionId: version.id,
        endsAt: new Date("2026-12-10T14:00:00Z"),
        brokenAt: new Date("2026-12-10T13:00:00Z"),
        breakReason: "Not yet.",
      },
    });
    const first = (await exportPlanFile({ planId: fixture.planId, format: "backup" })).body.toString();
    const parsed = JSON.parse(first);
    expect(parsed.rounds).toMatchObject([{ number: 2, revision: 1, revisionId: version.id }]);
    expect(parsed.silences).toMatchObject([{ roundId: round.id, breakReason: "Not yet." }]);
    expect(parsed.threads.length).toBe(2);
    expect(parsed.amendments[0].sponsors.length).toBe(1);
    expect(parsed.versions[0].sections.length).toBe(12);
    expect(parsed.sections[0].ydoc).toBe(Buffer.from([1, 2, 3, 250, 0, 7]).toString("base64"));
    const target = await freshDatabase();
    const second = await withDatabase(target.url, async () => {
      const result = await importBackup({ text: first });
      expect(result.planId).toBe(fixture.planId);
      // The restored accounts have no password anyone knows.
      const users = await getPrisma().user.findMany();
      expect(users.every((user) => user.passwordHash === "!restored-without-password")).toBe(true);
      const exported = (await exportPlanFile({ planId: result.planId, format: "backup" })).body.toString();
      // Until an admin gives them a reset link, which sets a password they chose.
      const actor = await getPrisma().user.findFirstOrThrow({
        where: { role: "admin" },
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          delegationId: true,
          delegation: { select: { id: true, name: true, onBehalfOf: true } },
        },
      });
      const restored = users.find((user) => user.role !== "admin")!;
      const hasPassword = async () => (await listUsers({ actor })).find((user) => user.id === restored.id)!.hasPassword;
      expect(await hasPassword()).toBe(false);
      const { token } = await createPasswordReset({ actor, userId: restored.id });
      await resetPassword({ input: { token, password: "chosen-after-restore" } });
      expect(await hasPassword()).toBe(true);
      const { passwordHash } = await getPrisma().user.findUniqueOrThrow({ where: { id: restored.id } });
      expect(await verifyPassword("chosen-after-restore", passwordHash)).toBe(true);
      return exported;
    });
    const withoutStamp = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": ""');
    expect(withoutStamp(second)).toBe(withoutStamp(first));
  });

  it("refuses a non-empty database and writes nothing", async () => {
    const text = (await exportPlanFile({ planId: fixture.planId, format: "backup" })).body.toString();
    const before = await countRows();
    await expect(importBackup({ text })).rejects.toThrow(/not empty.*nothing was imported/);
    expect(await countRows()).toBe(before);
  });

  it("refuses a malformed file naming the field, an oversized one and a reader's export, and writes nothing", async () => {
    const full = JSON.parse((await exportPlanFile({ planId: fixture.planId, format: "backup" })).body.toString());
    const reader = await exportBackup({
      planId: fixture.planId,
      viewer: { id: "u-observer", role: "observer", delegationId: null },
    });
    const target = await freshDatabase();
    await withDatabase(target.url, async () => {
      const refusal = async (text: string, maxBytes?: number) => {
        const error = await importBackup({ text, maxBytes }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      };
      const badStatus = structuredClone(full);
      badStatus.links[3].status = "approved";
      expect((await refusal(JSON.stringify(badStatus))).details.field).toBe("links.3.status");
      const badRef = structuredClone(full);
      badRef.threads[0].sectionId = "no-such-section";
      expect((await refusal(JSON.stringify(badRef))).message).toMatch(
        /threads\.0\.sectionId: no section no-such-section/,
      );
      const missing = structuredClone(full);
      delete missing.plan.title;
      expect((await refusal(JSON.stringify(missing))).details.field).toBe("plan.title");
      expect((await refusal("{ not json")).message).toMatch(/not JSON/);
      expect((await refusal(JSON.stringify(full), 1000)).code).toBe("payload_too_large");
      expect((await refusal(JSON.stringify(reader))).details.field).toBe("scope");
      // A clash only the database sees (two threads numbered alike) fails mid-transaction: everything before it is rolled back.
      const clash = structuredClone(full);
      clash.threads[1].number = clash.threads[0].number;
      expect((await refusal(JSON.stringify(clash))).message).toMatch(/refused by the database.*nothing was imported/);
      expect(await countRows()).toBe(0);
    });
  });
});
