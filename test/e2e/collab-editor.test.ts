/**
 * Live editing in Chromium against `next start` and the real collaboration
 * server: two facilitators drafting together, a delegate watching (and a
 * forged update of theirs refused), citations, and the token and citation
 * endpoints' access rules.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { connectClient, firstText, waitFor } from "@/test/support/collab";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { fetchCollabToken, signInOverHttp, signInWithForm } from "@/test/support/sign-in";

const { baseUrl, hasServer, collabPort } = setUpServedApp();
const browser = setUpBrowser();
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

async function openPlanAs(email: string): Promise<Page> {
  const page = await browser.newPage(email);
  await page.goto(`/plans/${planId}`);
  return page;
}

/** The live editor of a section, once it has synced. */
async function liveEditor(page: Page, sectionKey: string) {
  const section = page.locator(`#${sectionKey}`);
  await section.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  return section.locator(".ProseMirror");
}

/** The document's text as its author sees it: other people's caret labels left out. */
function documentText(editor: ReturnType<Page["locator"]>): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
}

/** Presses Tab until the focused element's accessible name matches (at most 40 times). */
async function tabUntil(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.innerText?.replace(/\s+/g, " ").trim() ?? "",
    );
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

async function storedText(sectionKey: string): Promise<string> {
  return (await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: sectionKey } })).text;
}

describe.skipIf(!hasServer)("two facilitators in one section", () => {
  it("see each other's text and named caret, converge, and keep the text after a reload", async () => {
    const [a, b] = await Promise.all([openPlanAs(ACCOUNTS.facilitator), openPlanAs(ACCOUNTS.facilitator2)]);
    const [editorA, editorB] = await Promise.all([liveEditor(a, "timeframe"), liveEditor(b, "timeframe")]);
    await editorA.locator("p").first().click();
    await a.keyboard.press("End");
    await a.keyboard.type(" Alpha drafts a sentence.");
    await editorB.getByText("Alpha drafts a sentence.", { exact: false }).waitFor();
    await b.locator("#timeframe .collaboration-carets__label", { hasText: "Fatima Facilitator" }).waitFor();
    await editorB.locator("p").first().click();
    await b.keyboard.press("End");
    await b.keyboard.type(" Bravo adds another.");
    await editorA.getByText("Bravo adds another.", { exact: false }).waitFor();
    await waitFor(async () => (await documentText(editorA)) === (await documentText(editorB)), "both editors converge");
    expect(await documentText(editorA)).toMatch(/Alpha drafts a sentence\..*Bravo adds another\./);
    await a.locator('#timeframe [data-testid="save-status"]', { hasText: "Saved" }).waitFor();
    await waitFor(
      async () => (await storedText("timeframe")).includes("Bravo adds another."),
      "PostgreSQL has both edits",
    );
    await a.reload();
    expect(await (await liveEditor(a, "timeframe")).textContent()).toMatch(
      /Alpha drafts a sentence\..*Bravo adds another\./,
    );
    await Promise.all([a.context().close(), b.context().close()]);
  });

  it("shows who else is in the section", async () => {
    const [a, b] = await Promise.all([openPlanAs(ACCOUNTS.facilitator), openPlanAs(ACCOUNTS.facilitator2)]);
    await Promise.all([liveEditor(a, "resources"), liveEditor(b, "resources")]);
    await a
      .locator("#resources")
      .getByRole("list", { name: "People in this section" })
      .getByText("Felix Facilitator")
      .waitFor();
    await Promise.all([a.context().close(), b.context().close()]);
  });
});

describe.skipIf(!hasServer)("the live page", () => {
  it("loads one copy of Yjs and logs no errors", async () => {
    const page = await (await browser.newContext()).newPage();
    const messages: string[] = [];
    page.on(
      "console",
      (message) =>
        ["error", "warning"].includes(message.type()) && messages.push(`${message.type()}: ${message.text()}`),
    );
    page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
    page.on(
      "response",
      (response) =>
        response.status() >= 400 && messages.push(`${response.status()} ${new URL(response.url()).pathname}`),
    );
    await signInWithForm(page, ACCOUNTS.facilitator);
    await page.goto(`/plans/${planId}`);
    await liveEditor(page, "principles");
    expect(messages).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!hasServer)("a delegate", () => {
  it("publishes no presence while reading, yet sees the drafters'", async () => {
    const [facilitator, delegate] = await Promise.all([
      openPlanAs(ACCOUNTS.facilitator),
      openPlanAs(ACCOUNTS.delegate),
    ]);
    await Promise.all([liveEditor(facilitator, "targets"), liveEditor(delegate, "targets")]);
    const peopleSeenBy = (page: Page) => page.locator("#targets").getByRole("list", { name: "People in this section" });
    await peopleSeenBy(delegate).getByText("Fatima Facilitator").waitFor();
    // By now the reader's own presence would have reached the drafter too, had it been published.
    await facilitator.waitForTimeout(1000);
    await expect(peopleSeenBy(facilitator).getByText("Diego Delegate (Ecuador)").count()).resolves.toBe(0);
    await Promise.all([facilitator.context().close(), delegate.context().close()]);
  });

  it("watches the edits live with no editable area, and a forged update of theirs is refused", async () => {
    const [facilitator, delegate] = await Promise.all([
      openPlanAs(ACCOUNTS.facilitator),
      openPlanAs(ACCOUNTS.delegate),
    ]);
    const [editor, view] = await Promise.all([
      liveEditor(facilitator, "cooperation"),
      liveEditor(delegate, "cooperation"),
    ]);
    await expect(delegate.locator('[contenteditable="true"]').count()).resolves.toBe(0);
    await expect(view.getAttribute("contenteditable")).resolves.toBe("false");
    await editor.locator("p").first().click();
    await facilitator.keyboard.press("End");
    await facilitator.keyboard.type(" Seen live by delegations.");
    await view.getByText("Seen live by delegations.", { exact: false }).waitFor();

    // The same delegate, over a raw socket, with a token the app gave them.
    const session = await signInOverHttp(baseUrl, ACCOUNTS.delegate);
    const token = await fetchCollabToken(session);
    const section = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: "cooperation" } });
    const raw = connectClient({ port: collabPort, planId, sectionId: section.id, token });
    await raw.synced;
    firstText(raw.doc).insert(0, "FORGED BY A DELEGATE ");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(raw.provider.hasUnsyncedChanges).toBe(true);
    raw.close();
    expect(await view.textContent()).not.toContain("FORGED");
    expect(await editor.textContent()).not.toContain("FORGED");
    await waitFor(
      async () => (await storedText("cooperation")).includes("Seen live by delegations."),
      "the facilitator's edit is stored",
    );
    expect(await storedText("cooperation")).not.toContain("FORGED");
    await Promise.all([facilitator.context().close(), delegate.context().close()]);
  });
});

describe.skipIf(!hasServer)("citations", () => {
  it("lets a facilitator cite a suggestion at the caret, numbered, with its quote when selected, and marks it removed when deleted", async () => {
    const page = await openPlanAs(ACCOUNTS.facilitator);
    const editor = await liveEditor(page, "monitoring-and-review");
    await editor.locator("p").first().click();
    await page.keyboard.press("End");
    const panel = page.locator("#monitoring-and-review").getByTestId("passage-panel");
    await panel.getByRole("button", { name: "Suggest sources for this passage" }).click();
    await panel
      .getByRole("button", { name: /^Cite .* at the caret$/ })
      .first()
      .click();
    const citation = editor.locator("sup[data-citation]");
    await citation.first().waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector("#monitoring-and-review .ProseMirror sup[data-citation] .citation-tooltip")
        ?.textContent?.includes("“"),
    );
    const linkId = (await citation.first().getAttribute("data-link-id"))!;
    expect(await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({
      status: "confirmed",
      relation: expect.any(String),
    });
    // The number is CSS-generated in document order; the accessible name includes it.
    await citation
      .first()
      .getByRole("link", { name: /^Source \[1\]$/ })
      .waitFor();
    // From the keyboard: the arrow key selects the citation, which shows its quote, speaker and segment. "Cite" hands
    // the caret back to the text after the citation; under load that comes a moment after the citation shows (found
    // failing in CI: the arrow key went to the panel's button).
    await expect
      .poll(() => editor.evaluate((element) => element.contains(document.activeElement)), { timeout: 10_000 })
      .toBe(true);
    await page.keyboard.press("ArrowLeft");
    await citation.first().locator(".citation-tooltip").waitFor({ state: "visible" });
    expect(await getPrisma().auditLog.count({ where: { action: "provenance.cite", resourceId: linkId } })).toBe(1);
    // It links to the reader at the cited sentence or item.
    const link = await getPrisma().provenanceLink.findUniqueOrThrow({
      where: { id: linkId },
      include: { sentence: true, summaryItem: true },
    });
    const href = await citation.first().getByRole("link").getAttribute("href");
    expect(href).toMatch(
      new RegExp(`^/dialogues/[^/#]+#${(link.sentence?.key ?? link.summaryItem!.key).replace(/\./g, "\\.")}$`),
    );

    // Once a save has seen the citation, deleting it marks its link removed, audited.
    await waitFor(
      async () => (await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).cited,
      "a save sees the citation",
    );
    await page.keyboard.press("Backspace");
    await waitFor(async () => (await citation.count()) === 0, "the citation leaves the text");
    await waitFor(
      async () => (await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).status === "removed",
      "the link is removed",
    );
    expect(
      await getPrisma().auditLog.count({ where: { action: "provenance.citation_removed", resourceId: linkId } }),
    ).toBe(1);
    await page.context().close();
  });

  it("lets a facilitator cite from the keyboard alone: Escape leaves the text for the passage's sources", async () => {
    const page = await openPlanAs(ACCOUNTS.facilitator);
    const editor = await liveEditor(page, "existing-instruments");
    await editor.focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Escape");
    const panel = page.locator("#existing-instruments").getByTestId("passage-panel");
    await expect(panel.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await tabUntil(page, "Suggest sources for this passage");
    await page.keyboard.press("Enter");
    await panel
      .getByRole("button", { name: /^Cite .* at the caret$/ })
      .first()
      .waitFor();
    // The button is replaced by the list, which takes the keyboard user's place; Tab goes on from there.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")), { timeout: 10_000 })
      .toBe("Suggested sources");
    await tabUntil(page, /^Cite .* at the caret$/);
    await page.keyboard.press("Enter");
    await editor.locator("sup[data-citation]").first().waitFor();
    // "Cite" hands the caret back to the text, after the citation.
    await expect(editor.evaluate((element) => element.contains(document.activeElement))).resolves.toBe(true);
    await page.context().close();
  });

  it("passes an axe scan of the live plan page with no serious or critical violations", async () => {
    const page = await openPlanAs(ACCOUNTS.facilitator);
    await liveEditor(page, "principles");
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!hasServer)("POST /api/collab/token and /api/plans/[id]/citations", () => {
  it("gives a token to any signed-in role and none without a session", async () => {
    expect((await fetch(`${baseUrl}/api/collab/token`, { method: "POST" })).status).toBe(401);
    const observer = await signInOverHttp(baseUrl, ACCOUNTS.observer);
    const response = await observer.fetch("/api/collab/token", { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
      url: `ws://localhost:${collabPort}`,
    });
  });

  it("refuses citations without a session (401), from delegates and observers (403), and a bad body (400 naming the field), writing nothing", async () => {
    const section = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: "targets" } });
    const item = await getPrisma().summaryItem.findFirstOrThrow({ where: { list: "gaps" } });
    const body = {
      sectionKey: "targets",
      blockId: "targets.new-block",
      targetKey: `summary-item:${item.id}`,
      quote: { exact: "A new passage." },
    };
    const before = await getPrisma().provenanceLink.count({ where: { sectionId: section.id } });
    expect((await fetch(`${baseUrl}/api/plans/${planId}/citations`, jsonRequest(body))).status).toBe(401);
    for (const email of [ACCOUNTS.delegate, ACCOUNTS.observer]) {
      const session = await signInOverHttp(baseUrl, email);
      expect((await session.fetch(`/api/plans/${planId}/citations`, jsonRequest(body))).status).toBe(403);
    }
    const facilitator = await signInOverHttp(baseUrl, ACCOUNTS.facilitator);
    const bad = await facilitator.fetch(
      `/api/plans/${planId}/citations`,
      jsonRequest({ ...body, blockId: "has spaces" }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "blockId" });
    expect(await getPrisma().provenanceLink.count({ where: { sectionId: section.id } })).toBe(before);
    const ok = await facilitator.fetch(`/api/plans/${planId}/citations`, jsonRequest(body));
    expect(ok.status).toBe(200);
    const { linkId } = (await ok.json()) as { linkId: string };
    expect(await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({
      status: "confirmed",
      blockId: "targets.new-block",
      quoteExact: "A new passage.",
    });
  });
});
