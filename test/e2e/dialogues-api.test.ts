/**
 * Uploading a dialogue summary and seeding its plan, over real HTTP against
 * `next start`: only facilitators and admins (401 without a session, 403
 * for delegates and observers), a malformed file refused naming its line,
 * an oversized one with 413, another content type with 415 — each writing
 * nothing — and the upload and the seeding idempotent; removing a dialogue
 * imported by mistake is for admins, and refused while a plan or accounts
 * depend on it. Also, in Chromium, a facilitator imports a file from the
 * page and opens its new plan, and an admin removes a dialogue.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { MAX_DIALOGUE_BYTES } from "@/lib/dialogue/decode-dialogue-bytes";
import { ACCOUNTS } from "@/test/support/accounts";
import { jsonRequest } from "@/test/support/http";
import { countRows } from "@/test/support/row-counts";
import type { AccountName } from "@/test/support/served-app";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import type { HttpSession } from "@/test/support/sign-in";
import { findSeriousViolations } from "@/test/support/axe";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: Object.keys(ACCOUNTS) as AccountName[] });
const browser = setUpBrowser();

const FAMILY_FILE = "test/fixtures/dialogues/ga-dialogue-2011-water-sanitation.md";
const OTHER_FAMILY_FILE = "test/fixtures/dialogues/ga-dialogue-2013-disaster-risk.md";
const MALFORMED_FILE = "test/fixtures/dialogues-bad/bad-1-list-before-intro.md";
let family: Buffer;

const upload = (
  session: HttpSession | null,
  bytes: Uint8Array,
  { name = "summary.md", type = "text/markdown; charset=utf-8" } = {},
) => {
  const init: RequestInit = {
    method: "POST",
    headers: { "content-type": type },
    body: new Blob([new Uint8Array(bytes)]),
  };
  const path = `/api/dialogues?name=${encodeURIComponent(name)}`;
  return session ? session.fetch(path, init) : fetch(`${baseUrl}${path}`, { ...init, redirect: "manual" });
};
const dialogueCount = () => getPrisma().dialogue.count();

beforeAll(async () => {
  family = await readFile(FAMILY_FILE);
});

/** Other test files expect the seed dialogue alone: remove what these tests imported. */
afterAll(async () => {
  if (hasServer) {
    const seeded = await getPrisma().dialogue.findMany({
      where: { id: { not: { startsWith: "2009-05-13-" } } },
      select: { id: true },
    });
    const ids = seeded.map((d) => d.id);
    await getPrisma().plan.deleteMany({ where: { dialogueId: { in: ids } } });
    await getPrisma().dialogue.deleteMany({ where: { id: { in: ids } } });
  }
});

describe.skipIf(!hasServer)("POST /api/dialogues", () => {
  it("requires authentication, and refuses delegates and observers with 403, writing nothing", async () => {
    const [before, dialogues] = [await countRows(getPrisma()), await dialogueCount()];
    expect((await upload(null, family)).status).toBe(401);
    for (const role of ["delegate", "observer"] as const)
      expect((await upload(sessions[role], family)).status).toBe(403);
    expect(await countRows(getPrisma())).toEqual(before);
    expect(await dialogueCount()).toBe(dialogues);
  });

  it("refuses a malformed file naming its line, an oversized one (413) and another content type (415), writing nothing", async () => {
    const [before, dialogues] = [await countRows(getPrisma()), await dialogueCount()];
    const malformed = await upload(sessions.facilitator, await readFile(MALFORMED_FILE), { name: "youth.md" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      field: "file",
      line: 15,
      message: expect.stringMatching(/^youth\.md:15: a summary list item outside any list/),
    });
    const binary = await upload(
      sessions.facilitator,
      Buffer.concat([Buffer.from("# Title\n\nline two\n"), Buffer.from([0])]),
    );
    expect(await binary.json()).toMatchObject({ line: 4, message: expect.stringContaining("binary content") });
    expect((await upload(sessions.facilitator, Buffer.alloc(MAX_DIALOGUE_BYTES + 1, "a"))).status).toBe(413);
    expect((await upload(sessions.facilitator, family, { type: "text/plain" })).status).toBe(415);
    const badName = await upload(sessions.facilitator, family, { name: "../../etc/passwd" });
    expect(badName.status).toBe(400);
    expect(await badName.json()).toMatchObject({ field: "name" });
    expect(await countRows(getPrisma())).toEqual(before);
    expect(await dialogueCount()).toBe(dialogues);
  });

  it("imports a dialogue of the family for a facilitator, audited as theirs, and answers 200 unchanged the second time", async () => {
    const first = await upload(sessions.facilitator, family, { name: "water.md" });
    expect(first.status).toBe(201);
    const body = (await first.json()) as {
      dialogueId: string;
      status: string;
      title: string;
      counts: { statements: number };
    };
    expect(body).toMatchObject({ status: "created", title: expect.stringContaining("Water and sanitation") });
    const stored = await getPrisma().dialogue.findUniqueOrThrow({
      where: { id: body.dialogueId },
      include: { _count: { select: { statements: true } } },
    });
    expect(stored._count.statements).toBe(body.counts.statements);
    const facilitator = await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.facilitator } });
    const audit = await getPrisma().auditLog.findFirstOrThrow({
      where: { action: "dialogue.import", resourceId: body.dialogueId },
    });
    expect(audit.userId).toBe(facilitator.id);
    expect(audit.detail).toMatchObject({ sourceName: "water.md" });

    const again = await upload(sessions.admin, family);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ dialogueId: body.dialogueId, status: "unchanged" });
  });
});

describe.skipIf(!hasServer)("POST /api/dialogues/[id]/plan", () => {
  async function importedId(): Promise<string> {
    const response = await upload(sessions.admin, family);
    return ((await response.json()) as { dialogueId: string }).dialogueId;
  }

  it("requires authentication, and refuses delegates and observers with 403, writing nothing", async () => {
    const id = await importedId();
    const before = await getPrisma().plan.count();
    expect((await fetch(`${baseUrl}/api/dialogues/${id}/plan`, { method: "POST" })).status).toBe(401);
    for (const role of ["delegate", "observer"] as const)
      expect((await sessions[role].fetch(`/api/dialogues/${id}/plan`, { method: "POST" })).status).toBe(403);
    expect(await getPrisma().plan.count()).toBe(before);
  });

  it("seeds the plan once per template for a facilitator, then answers with the same plan; 404 for an unknown dialogue", async () => {
    const id = await importedId();
    const seed = (session: HttpSession, body: object, dialogueId = id) =>
      session.fetch(`/api/dialogues/${dialogueId}/plan`, jsonRequest(body));
    const first = await seed(sessions.facilitator, {});
    expect(first.status).toBe(201);
    const { planId } = (await first.json()) as { planId: string };
    expect(await getPrisma().planSection.count({ where: { planId } })).toBe(12);
    const second = await seed(sessions.admin, { template: "plan-of-action" });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ planId, status: "unchanged" });
    const resolution = await seed(sessions.facilitator, { template: "ga-resolution" });
    expect(resolution.status).toBe(201);
    const { planId: resolutionId } = (await resolution.json()) as { planId: string };
    const keys = await getPrisma().planSection.findMany({
      where: { planId: resolutionId },
      orderBy: { position: "asc" },
    });
    expect(keys.slice(0, 4).map((s) => s.key)).toEqual(["title", "preamble", "operative", "annex-principles"]);
    expect((await seed(sessions.facilitator, {}, "no-such-dialogue")).status).toBe(404);
  });

  it("answers 400 naming the template when it is not one, 415 without a JSON body, writing nothing", async () => {
    const id = await importedId();
    const before = await getPrisma().plan.count();
    const unknown = await sessions.facilitator.fetch(`/api/dialogues/${id}/plan`, jsonRequest({ template: "memo" }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ field: "template" });
    expect((await sessions.facilitator.fetch(`/api/dialogues/${id}/plan`, { method: "POST" })).status).toBe(415);
    expect(await getPrisma().plan.count()).toBe(before);
  });
});

describe.skipIf(!hasServer)("DELETE /api/dialogues/[id]", () => {
  const remove = (session: HttpSession | null, id: string) =>
    session
      ? session.fetch(`/api/dialogues/${id}`, { method: "DELETE" })
      : fetch(`${baseUrl}/api/dialogues/${id}`, { method: "DELETE" });

  it("is for admins only (401, 403 for facilitators, delegates and observers), and refused while a plan is drafted from the dialogue", async () => {
    const { dialogueId } = (await (await upload(sessions.admin, family)).json()) as { dialogueId: string };
    await sessions.admin.fetch(`/api/dialogues/${dialogueId}/plan`, jsonRequest({}));
    const before = await countRows(getPrisma());
    expect((await remove(null, dialogueId)).status).toBe(401);
    for (const role of ["facilitator", "delegate", "observer"] as const)
      expect((await remove(sessions[role], dialogueId)).status).toBe(403);
    const refused = await remove(sessions.admin, dialogueId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain("A draft plan is based on this dialogue");
    expect(await countRows(getPrisma())).toEqual(before);
    expect(await getPrisma().dialogue.count({ where: { id: dialogueId } })).toBe(1);
    expect((await remove(sessions.admin, "no-such-dialogue")).status).toBe(404);
  });

  it("refuses while accounts belong to its delegations, then removes everything of it, audited", async () => {
    const { dialogueId } = (await (await upload(sessions.admin, family)).json()) as { dialogueId: string };
    await getPrisma().plan.deleteMany({ where: { dialogueId } });
    const delegation = await getPrisma().delegation.findFirstOrThrow({ where: { dialogueId } });
    const member = await getPrisma().user.create({
      data: {
        email: "water.delegate@example.org",
        name: "Wanda Water",
        role: "delegate",
        passwordHash: "x",
        delegationId: delegation.id,
      },
    });
    const refused = await remove(sessions.admin, dialogueId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain("water.delegate@example.org");
    await getPrisma().user.delete({ where: { id: member.id } });

    expect((await remove(sessions.admin, dialogueId)).status).toBe(204);
    expect(await getPrisma().dialogue.count({ where: { id: dialogueId } })).toBe(0);
    expect(await getPrisma().statement.count({ where: { dialogueId } })).toBe(0);
    expect(await getPrisma().delegation.count({ where: { dialogueId } })).toBe(0);
    expect(await getPrisma().auditLog.count({ where: { action: "dialogue.delete", resourceId: dialogueId } })).toBe(1);
  });
});

describe.skipIf(!hasServer)("the import page in Chromium", () => {
  it("shows a facilitator the line to fix, then imports the file and opens its new plan; delegates are turned away", async () => {
    await getPrisma().plan.deleteMany({ where: { dialogue: { id: { not: { startsWith: "2009-05-13-" } } } } });
    await getPrisma().dialogue.deleteMany({ where: { id: { not: { startsWith: "2009-05-13-" } } } });
    const page = await browser.newPage(ACCOUNTS.facilitator);
    await page.getByRole("link", { name: "Import a dialogue" }).click();
    await page.waitForURL(/\/dialogues\/import$/);
    expect(await findSeriousViolations(page)).toEqual([]);

    await page.getByLabel("Dialogue summary (.md)").setInputFiles(MALFORMED_FILE);
    await page.getByRole("button", { name: "Import" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "bad-1-list-before-intro.md:15: a summary list item outside any list" })
      .waitFor();

    await page.getByLabel("Dialogue summary (.md)").setInputFiles(FAMILY_FILE);
    await page.getByRole("button", { name: "Import" }).click();
    await page
      .getByTestId("import-status")
      .getByText(/^Imported Water and sanitation/)
      .waitFor();
    await page.getByRole("button", { name: "Seed its draft plan" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/seeding$/);
    await page.getByRole("link", { name: /^← Global Plan of Action: Water and sanitation/ }).click();
    await page.getByRole("heading", { level: 2, name: "Situational analysis" }).waitFor();

    const delegate = await browser.newPage(ACCOUNTS.delegate);
    expect(await delegate.getByRole("link", { name: "Import a dialogue" }).count()).toBe(0);
    await delegate.goto("/dialogues/import");
    await delegate.waitForURL(/\/forbidden/);
    await delegate.context().close();
    await page.context().close();
  });

  it("lets an admin remove a dialogue that has no plan from the home page, after confirming", async () => {
    const { dialogueId } = (await (await upload(sessions.admin, await readFile(OTHER_FAMILY_FILE))).json()) as {
      dialogueId: string;
    };
    const page = await browser.newPage(ACCOUNTS.admin);
    await page.getByRole("button", { name: /^Remove… Disaster risk reduction/ }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await confirm.getByRole("button", { name: "Remove" }).click();
    await page.getByRole("heading", { name: /Disaster risk reduction/ }).waitFor({ state: "detached" });
    expect(await getPrisma().dialogue.count({ where: { id: dialogueId } })).toBe(0);
    await page.context().close();
  });
});
