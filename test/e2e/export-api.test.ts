/** GET /api/plans/[id]/export over HTTP against `next start`, and the plan page's Export menu in Chromium. */
import { readFile } from "node:fs/promises";
import type { JSONContent } from "@tiptap/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { ACCOUNTS } from "@/test/support/accounts";
import { launchChromium } from "@/test/support/chromium";
import { openPlanAs } from "@/test/support/plan-page";
import type { HttpSession } from "@/test/support/sign-in";
import { signInOverHttp } from "@/test/support/sign-in";

const baseUrl = inject("baseUrl");
const hasServer = inject("hasBrowser");
const HIDDEN_BODY = "Facilitators only: the export test's private note.";

let planId: string;
let sessions: Record<"admin" | "facilitator" | "delegate" | "observer", HttpSession>;

beforeAll(async () => {
  if (!hasServer) return;
  process.env.DATABASE_URL = inject("databaseUrl");
  planId = (await getPrisma().plan.findFirstOrThrow()).id;
  sessions = {
    admin: await signInOverHttp(baseUrl, ACCOUNTS.admin),
    facilitator: await signInOverHttp(baseUrl, ACCOUNTS.facilitator),
    delegate: await signInOverHttp(baseUrl, ACCOUNTS.delegate),
    observer: await signInOverHttp(baseUrl, ACCOUNTS.observer),
  };
  // A facilitators-only thread, opened the way a facilitator opens one.
  const section = await getPrisma().planSection.findFirstOrThrow({
    where: { planId, key: "recommended-actions" },
    select: { content: true },
  });
  const block = readPassages(section.content as JSONContent).find((b) => b.text.length > 20)!;
  const response = await sessions.facilitator.fetch(`/api/plans/${planId}/threads`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      sectionKey: "recommended-actions",
      blockId: block.blockId,
      quote: { exact: block.text.slice(0, 15) },
      stance: "question",
      visibility: "facilitators",
      body: HIDDEN_BODY,
    }),
  });
  expect(response.status).toBe(201);
});
afterAll(() => disconnectPrisma());

const url = (query: string) => `/api/plans/${planId}/export?${query}`;

describe.skipIf(!hasServer)("GET /api/plans/[id]/export", () => {
  it("requires authentication (401)", async () => {
    for (const format of ["json", "md", "docx", "pdf"])
      expect((await fetch(`${baseUrl}${url(`format=${format}`)}`)).status).toBe(401);
  });

  it("answers 400 naming the field for a bad format, 404 for an unknown plan or version", async () => {
    const bad = await sessions.observer.fetch(url("format=xml"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "format" });
    expect((await sessions.observer.fetch(`/api/plans/nope/export?format=md`)).status).toBe(404);
    expect((await sessions.observer.fetch(url("format=md&version=Rev.404"))).status).toBe(404);
  });

  it.each([
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
    ["pdf", "application/pdf", "%PDF-"],
    ["md", "text/markdown; charset=utf-8", "# "],
    ["json", "application/json; charset=utf-8", "{"],
  ])("serves %s to any signed-in reader with its content type and an attachment name", async (format, type, magic) => {
    const response = await sessions.observer.fetch(url(`format=${format}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="[a-z0-9-]+-draft\\.${format}"$`),
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, magic.length).toString()).toBe(magic);
  });

  it("leaves facilitators-only threads and emails out of a delegate's or observer's JSON; an admin's is the full backup", async () => {
    for (const role of ["delegate", "observer"] as const) {
      const text = await (await sessions[role].fetch(url("format=json"))).text();
      expect(text).not.toContain(HIDDEN_BODY);
      const backup = JSON.parse(text);
      expect(backup.scope).toBe("reader");
      expect(backup.users.every((user: { email: string | null }) => user.email === null)).toBe(true);
    }
    const facilitator = JSON.parse(await (await sessions.facilitator.fetch(url("format=json"))).text());
    expect(JSON.stringify(facilitator.threads)).toContain(HIDDEN_BODY);
    const admin = JSON.parse(await (await sessions.admin.fetch(url("format=json"))).text());
    expect(admin.scope).toBe("full");
    expect(admin.users.map((user: { email: string }) => user.email)).toContain(ACCOUNTS.delegate);
    expect(JSON.stringify(admin)).not.toMatch(/passwordHash|argon2/);
  });
});

describe.skipIf(!hasServer)("the Export menu on the plan page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("downloads a DOCX of the live draft, and Markdown of a version, saying what it is doing meanwhile", async () => {
    const created = await sessions.facilitator.fetch(`/api/plans/${planId}/versions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label: "Export check" }),
    });
    expect(created.status).toBe(201);
    const page = await openPlanAs(browser, { baseUrl, planId, email: ACCOUNTS.delegate });
    await page.getByText("Export", { exact: true }).click();
    const docx = page.waitForEvent("download");
    await page.getByRole("button", { name: /Word \(DOCX\)/ }).click();
    expect((await docx).suggestedFilename()).toMatch(/-draft\.docx$/);
    await page
      .getByRole("status")
      .filter({ hasText: /Downloaded .*\.docx/ })
      .waitFor();
    await page.getByLabel("Version").selectOption("Export check");
    await expect(page.getByRole("button", { name: /JSON/ }).isDisabled()).resolves.toBe(true);
    const markdown = page.waitForEvent("download");
    await page.getByRole("button", { name: /Markdown/ }).click();
    const download = await markdown;
    expect(download.suggestedFilename()).toMatch(/-export-check\.md$/);
    expect(await readFile((await download.path())!, "utf8")).toMatch(/^Export check · /m);
  });
});
