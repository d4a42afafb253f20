/**
 * Versions in Chromium: a facilitator issues "Zero draft", edits a passage,
 * issues "Rev.1", compares the two and sees the word diff (inline and side
 * by side), then restores the section from "Zero draft" — and a second
 * browser on the plan sees the old text come back live. An observer reads
 * the versions but has no restore control, and the API refuses it. axe
 * finds nothing serious on the list or the comparison.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan } from "@/test/support/factories";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const SECTION = "existing-instruments";
const ADDED = " Reviewed by the General Assembly every year.";
// One plan for the file: the observer reads the versions the facilitator's test created.
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

const open = (email: string) => openPlanAs(browser, { planId, email, sectionKey: SECTION });

async function createVersion(page: Page, label: string): Promise<void> {
  const form = page.getByRole("form", { name: "Create a version" });
  await form.getByLabel("Label").fill(label);
  await form.getByRole("button", { name: "Create version" }).click();
  await form
    .getByTestId("create-version-status")
    .getByText(new RegExp(`^Created version \\d+: ${label.replace(".", "\\.")}\\.$`))
    .waitFor();
  await page.getByTestId("version-label").getByText(label, { exact: true }).waitFor();
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await findSeriousViolations(page)).toEqual([]);
}

describe.skipIf(!hasServer)("versions in the browser", () => {
  it("creates versions, compares them word by word, and restores a section that a second browser sees live", async () => {
    const [facilitator, reader] = await Promise.all([open(ACCOUNTS.facilitator), open(ACCOUNTS.facilitator2)]);
    const passage = facilitator.locator(`#${SECTION} .ProseMirror p`).first();
    const original = (await passage.textContent())!;

    await facilitator.getByRole("link", { name: "Versions", exact: true }).click();
    await facilitator.getByRole("heading", { name: "Versions", level: 1 }).waitFor();
    await createVersion(facilitator, "Zero draft");

    // Edit the passage in the live editor and wait until it is saved.
    await facilitator.goto(`/plans/${planId}`);
    await facilitator.locator(`#${SECTION} [data-testid="save-status"][data-state="saved"]`).waitFor();
    await facilitator.locator(`#${SECTION} .ProseMirror p`).first().click();
    await facilitator.keyboard.press("End");
    await facilitator.keyboard.type(ADDED);
    await reader.locator(`#${SECTION} .ProseMirror`).getByText(ADDED.trim(), { exact: false }).waitFor();
    await facilitator.locator(`#${SECTION} [data-testid="save-status"][data-state="saved"]`).waitFor();
    await expect
      .poll(async () => (await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: SECTION } })).text, {
        timeout: 10_000,
      })
      .toContain(ADDED.trim());

    await facilitator.goto(`/plans/${planId}/versions`);
    await createVersion(facilitator, "Rev.1");
    const rev1 = facilitator.getByTestId("version").filter({ hasText: "Rev.1" });
    await expect(rev1.getByTestId("version-summary").textContent()).resolves.toMatch(
      /^1 section changed \(Relation to existing instruments\), \+7 \/ −0 words/,
    );

    // The facilitator's list, with its create form and restore controls.
    await expectNoSeriousViolations(facilitator);

    // Compare Zero draft → Rev.1 from the pickers.
    const compare = facilitator.getByRole("form", { name: "Compare versions" });
    await compare.getByLabel("From").selectOption({
      label: (await compare.getByLabel("From").locator("option", { hasText: "Zero draft" }).textContent())!,
    });
    await compare
      .getByLabel("To")
      .selectOption({ label: (await compare.getByLabel("To").locator("option", { hasText: "Rev.1" }).textContent())! });
    await compare.getByRole("button", { name: "Compare" }).click();
    await facilitator.getByRole("heading", { name: "Compare Zero draft with Rev.1", level: 1 }).waitFor();
    const diff = facilitator.locator(`[data-testid=section-diff][data-section-key="${SECTION}"]`);
    const inserted = await diff.locator("ins").allTextContents();
    expect(inserted.map((text) => text.replace(/\s+/g, " "))).toEqual([`[inserted: ${ADDED.trim()}]`]);
    await expect(facilitator.getByTestId("section-diff").count()).resolves.toBe(1);
    await facilitator.getByRole("link", { name: "Side by side" }).click();
    await facilitator.waitForURL(/view=side/);
    await expect(diff.getByRole("heading", { level: 4 }).allTextContents()).resolves.toEqual(["Zero draft", "Rev.1"]);
    await expect(diff.locator("ins").count()).resolves.toBe(1);
    await expectNoSeriousViolations(facilitator);

    // Restore the section from Zero draft, with a confirmation step; the second browser sees it live.
    await diff.getByRole("button", { name: /^Restore this section .*from Zero draft/ }).click();
    const dialog = facilitator.getByRole("alertdialog");
    await dialog.getByText(/Restore “Relation to existing instruments” from Zero draft\?/).waitFor();
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await diff
      .getByTestId("restore-status")
      .getByText(/^Restored 1 section\(s\) from Zero draft\. The plan before is kept as “Before restore/)
      .waitFor({ timeout: 15_000 });
    await reader
      .locator(`#${SECTION} .ProseMirror p`)
      .first()
      .filter({ hasNotText: ADDED.trim() })
      .waitFor({ timeout: 10_000 });
    await expect(reader.locator(`#${SECTION} .ProseMirror p`).first().textContent()).resolves.toBe(original);
    const kinds = await getPrisma().planVersion.findMany({
      where: { planId },
      orderBy: { number: "desc" },
      take: 1,
      select: { kind: true },
    });
    expect(kinds[0].kind).toBe("before_restore");
    await Promise.all([facilitator.context().close(), reader.context().close()]);
  });

  it("gives an observer no restore or create control, refuses its restore over the API (403), and passes axe on both pages", async () => {
    const page = await open(ACCOUNTS.observer);
    await page.goto(`/plans/${planId}/versions`);
    await page.getByRole("heading", { name: "Versions", level: 1 }).waitFor();
    await expect(page.getByTestId("version").count()).resolves.toBeGreaterThan(1);
    await expect(page.getByRole("button", { name: /^Restore/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("form", { name: "Create a version" }).count()).resolves.toBe(0);
    const zeroDraft = await getPrisma().planVersion.findFirstOrThrow({ where: { planId, label: "Zero draft" } });
    const refused = await page.request.post(`/api/plans/${planId}/versions/restore`, {
      data: { versionId: zeroDraft.id },
    });
    expect(refused.status()).toBe(403);
    await expectNoSeriousViolations(page);

    const rev1 = await getPrisma().planVersion.findFirstOrThrow({ where: { planId, label: "Rev.1" } });
    await page.goto(`/plans/${planId}/versions/compare?from=${zeroDraft.id}&to=${rev1.id}`);
    await page.getByRole("heading", { name: "Compare Zero draft with Rev.1", level: 1 }).waitFor();
    await expect(page.locator("ins").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("button", { name: /^Restore/ }).count()).resolves.toBe(0);
    await expectNoSeriousViolations(page);
    await page.context().close();
  });
});
