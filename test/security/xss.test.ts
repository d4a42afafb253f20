/**
 * Stored XSS in Chromium against `next start`: script payloads in a comment,
 * a reply, an amendment's rationale and new text, a concern, a user's name
 * (set when accepting an invite) and an imported dialogue (speaker and
 * statement) must render as text. Two locks are checked separately: no
 * dialog fires (the CSP would also stop an inline handler), and no element
 * with a handler, no <script> of the payload and no javascript: link reaches
 * the DOM at all (escaping, which does not rely on the CSP).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { ACCOUNTS } from "@/test/support/accounts";
import { createPlan, findPassageStart } from "@/test/support/factories";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInOverHttp, signInWithForm } from "@/test/support/sign-in";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["admin", "facilitator", "delegate"] });
const browser = setUpBrowser();
const json = (body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = '"><script>alert(2)</script>';
const SVG = "<svg onload=alert(3)>";
const LINK = "[x](javascript:alert(4)) javascript:alert(5)";
const PAYLOAD = `${IMG} ${SCRIPT} ${SVG} ${LINK}`;
const EVIL_NAME = `Mallory ${IMG}`;
const EVIL_PASSWORD = "a-long-enough-password-for-mallory";

let planId: string;
let dialogueId: string;
let tmp: string;

beforeAll(async () => {
  if (!hasServer) return;
  const prisma = getPrisma();
  ({ id: planId } = await createPlan());

  // A user whose display name is a payload, who then comments (so the name shows beside the comment).
  const invite = await sessions.admin.fetch(
    "/api/admin/invites",
    json({ email: "mallory@demo.local", role: "facilitator" }),
  );
  expect(invite.status).toBe(201);
  const token = new URL(((await invite.json()) as { link: string }).link).pathname.split("/").pop();
  expect(
    (await fetch(`${baseUrl}/api/invites/accept`, json({ token, name: EVIL_NAME, password: EVIL_PASSWORD }))).status,
  ).toBe(201);
  const mallory = await signInOverHttp(baseUrl, "mallory@demo.local", EVIL_PASSWORD);

  const thread = {
    sectionKey: "resources",
    blockId: "resources.should-8",
    quote: { exact: "Map the resources required" },
    stance: "oppose",
  };
  const created = await sessions.delegate.fetch(
    `/api/plans/${planId}/threads`,
    json({ ...thread, body: `Comment ${PAYLOAD}` }),
  );
  expect(created.status).toBe(201);
  const { id: threadId } = (await created.json()) as { id: string };
  expect(
    (
      await sessions.delegate.fetch(
        `/api/plans/${planId}/threads/${threadId}/comments`,
        json({ body: `Reply ${PAYLOAD}` }),
      )
    ).status,
  ).toBe(201);
  expect(
    (await mallory.fetch(`/api/plans/${planId}/threads`, json({ ...thread, body: "Mallory's comment." }))).status,
  ).toBe(201);
  expect(
    (await sessions.facilitator.fetch(`/api/plans/${planId}/concerns`, json({ threadId, text: `Concern ${PAYLOAD}` })))
      .status,
  ).toBe(201);

  const target = await findPassageStart({ planId, sectionKey: "cross-cutting" });
  const amendment = await sessions.delegate.fetch(
    `/api/plans/${planId}/amendments`,
    json({
      kind: "replace",
      sectionKey: "cross-cutting",
      blockId: target.blockId,
      quote: { exact: target.exact },
      newText: `New text ${PAYLOAD}`,
      rationale: `Rationale ${PAYLOAD}`,
    }),
  );
  expect(amendment.status).toBe(201);

  // An imported dialogue whose speaker and statement are payloads, through the same import the CLI uses.
  tmp = await mkdtemp(path.join(tmpdir(), "xss-dialogue-"));
  const file = path.join(tmp, "xss-dialogue.md");
  await writeFile(
    file,
    [
      "## Summary of the Interactive Thematic Dialogue on “Testing hostile input”",
      "",
      "UN Trusteeship Council Chamber, New York",
      "",
      "14 May 2010",
      "",
      "### OPENING SESSION:",
      "",
      `1. **H.E. Mr. ${IMG} Evil**, Minister of ${SVG} Testing, said ${PAYLOAD} and stressed the need for escaping.`,
      `2. **Ms. Jane Doe**, Representative of Ecuador, said ${SCRIPT} was not welcome.`,
      "",
    ].join("\n"),
  );
  const input = await readDialogueFile(file);
  dialogueId = (await importDialogue({ prisma, ...input, sourceName: "xss-dialogue.md" })).dialogueId;
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Opens `paths` signed in as `email`, failing on any dialog, and returns each page's text. */
async function visit(email: string, paths: string[], password?: string): Promise<Map<string, string>> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  await signInWithForm(page, email, password);
  const texts = new Map<string, string>();
  for (const target of paths) {
    await page.goto(target);
    await page.waitForLoadState("networkidle");
    // Give the live editor and any lazy list a moment, in case something would fire late.
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll("[onerror], [onload], [onclick]")].map((e) => e.outerHTML),
      payloadScripts: [...document.querySelectorAll("script")].filter(
        (s) => /alert\(/.test(s.textContent ?? "") && !s.textContent!.includes("self.__next_f"),
      ).length,
      jsLinks: [...document.querySelectorAll("a[href], [src], form[action]")]
        .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? "")
        .filter((v) => /^\s*javascript:/i.test(v)),
    }));
    expect(found, target).toEqual({ handlers: [], payloadScripts: 0, jsLinks: [] });
    texts.set(target, await page.locator("body").innerText());
  }
  await context.close();
  expect(dialogs).toEqual([]);
  return texts;
}

describe.skipIf(!hasServer)("stored XSS renders inert", () => {
  it("comments, replies, a payload name, amendments and concerns, on every page that shows them", async () => {
    const texts = await visit(ACCOUNTS.facilitator, [
      `/plans/${planId}`,
      `/plans/${planId}/comments`,
      `/plans/${planId}/amendments`,
      `/plans/${planId}/concerns`,
    ]);
    const comments = texts.get(`/plans/${planId}/comments`)!;
    for (const shown of [`Comment ${IMG}`, `Reply ${IMG}`, SCRIPT, SVG, EVIL_NAME]) expect(comments).toContain(shown);
    expect(texts.get(`/plans/${planId}/amendments`)).toContain(`Rationale ${IMG}`);
    expect(texts.get(`/plans/${planId}/amendments`)).toContain(SVG);
    expect(texts.get(`/plans/${planId}/concerns`)).toContain(`Concern ${IMG}`);
  });

  it("a payload display name in the admin lists", async () => {
    const texts = await visit(ACCOUNTS.admin, ["/admin/users", "/admin/audit"]);
    expect(texts.get("/admin/users")).toContain(EVIL_NAME);
  });

  it("an imported dialogue's speaker and statement in the reader, and the payload user's own menu", async () => {
    const texts = await visit("mallory@demo.local", [`/dialogues/${dialogueId}`, "/"], EVIL_PASSWORD);
    const reader = texts.get(`/dialogues/${dialogueId}`)!;
    expect(reader).toContain(IMG);
    expect(reader).toContain(SCRIPT);
    expect(reader).toContain(LINK.split(" ")[1]);
  });
});
