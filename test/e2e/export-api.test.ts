/** GET /api/plans/[id]/export over HTTP against `next start`, and the plan page's Export menu in Chromium. */
import { readFile } from "node:fs/promises";
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { ACCOUNTS } from "@/test/support/accounts";
import { createPlan, createThread, findUser } from "@/test/support/factories";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({
  accounts: ["admin", "facilitator", "delegate", "observer"],
});
const browser = setUpBrowser();
const HIDDEN_BODY = "Facilitators only: the export test's private note.";
let planId: string;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  // A facilitators-only thread, opened by a facilitator through the function the route calls.
  const section = await getPrisma().planSection.findFirstOrThrow({
    where: { planId, key: "recommended-actions" },
    select: { content: true },
  });
  const block = readPassages(section.content as JSONContent).find((b) => b.text.length > 20)!;
  await createThread({
    actor: await findUser(ACCOUNTS.facilitator),
    planId,
    sectionKey: "recommended-actions",
    blockId: block.blockId,
    quote: { exact: block.text.slice(0, 15) },
    stance: "question",
    visibility: "facilitators",
    body: HIDDEN_BODY,
  });
});

const url = (query: string) => `/api/plans/${planId}/export?${query}`;

describe.skipIf(!hasServer)("GET /api/plans/[id]/export", () => {
  it("requires authentication (401)", async () => {
    for (const format of ["json", "backup", "md", "docx", "pdf"])
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
    ["backup", "application/json; charset=utf-8", "{"],
  ])("serves %s to any signed-in reader with its content type and an attachment name", async (format, type, magic) => {
    const response = await sessions.observer.fetch(url(`format=${format}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    const name = format === "backup" ? "backup\\.json" : `draft\\.${format}`;
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="[a-z0-9-]+-${name}"$`),
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, magic.length).toString()).toBe(magic);
  });

  it("leaves facilitators-only threads and emails out of a delegate's or observer's backup; an admin's is the full backup", async () => {
    for (const role of ["delegate", "observer"] as const) {
      const text = await (await sessions[role].fetch(url("format=backup"))).text();
      expect(text).not.toContain(HIDDEN_BODY);
      const backup = JSON.parse(text);
      expect(backup.scope).toBe("reader");
      expect(backup.users.every((user: { email: string | null }) => user.email === null)).toBe(true);
    }
    const facilitator = JSON.parse(await (await sessions.facilitator.fetch(url("format=backup"))).text());
    expect(JSON.stringify(facilitator.threads)).toContain(HIDDEN_BODY);
    const admin = JSON.parse(await (await sessions.admin.fetch(url("format=backup"))).text());
    expect(admin.scope).toBe("full");
    expect(admin.users.map((user: { email: string }) => user.email)).toContain(ACCOUNTS.delegate);
    expect(JSON.stringify(admin)).not.toMatch(/passwordHash|argon2/);
  });
});

describe.skipIf(!hasServer)("the Export menu on the plan page", () => {
  it("downloads a DOCX of the live draft, and Markdown of a version, saying what it is doing meanwhile", async () => {
    const created = await sessions.facilitator.fetch(`/api/plans/${planId}/versions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label: "Export check" }),
    });
    expect(created.status).toBe(201);
    const page = await openPlanAs(browser, { planId, email: ACCOUNTS.delegate });
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
