/**
 * Shaping the plan in Chromium: a facilitator adds a section at a place,
 * renames it, moves it by keyboard and by drag and drop, and removes another
 * one, while a second facilitator's page follows each change live; the
 * plan's title is edited the same way. An observer has no control for it and
 * the server refuses their attempt. Restoring a version from before brings
 * the removed section back, with its sources. axe finds nothing serious with
 * the structure editor open.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createVersion } from "@/lib/versions/create-version";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan, findUser } from "@/test/support/factories";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const REMOVED = "existing-instruments";
let planId: string;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const facilitator = await findUser(ACCOUNTS.facilitator);
  await createVersion({ actor: facilitator, planId, input: { label: "Before arranging" } });
});

const open = (email: string) => openPlanAs(browser, { planId, email, sectionKey: "principles" });

/** The section titles the left-hand navigation lists, in order. */
async function navTitles(page: Page): Promise<string[]> {
  return page.getByTestId("section-nav").getByRole("link").allTextContents();
}

/** Waits for the structure editor's status line to say `text`; a failure shows what it said instead. */
async function expectStatus(page: Page, text: string | RegExp): Promise<void> {
  const status = () => page.getByTestId("structure-status").first().textContent({ timeout: 1_000 });
  const expected = typeof text === "string" ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : text;
  await expect.poll(status, { timeout: 15_000 }).toMatch(expected);
}

describe.skipIf(!hasServer)("arranging the plan's sections", () => {
  it("adds, renames, moves and removes sections while a second facilitator watches live", async () => {
    const [facilitator, watcher] = await Promise.all([open(ACCOUNTS.facilitator), open(ACCOUNTS.facilitator2)]);
    await facilitator.getByRole("button", { name: "Arrange sections and title" }).click();
    const editor = facilitator.getByTestId("structure-editor");

    // Add after the first section.
    const add = editor.getByRole("form", { name: "Add a section" });
    await add.getByLabel("New section").fill("Organ removal");
    await add.getByLabel("Place").selectOption({ label: "After “Guiding principles”" });
    await add.getByRole("button", { name: "Add section" }).click();
    await expectStatus(facilitator, "Added “Organ removal”.");
    await expect.poll(() => navTitles(watcher), { timeout: 10_000 }).toContain("Organ removal");
    expect((await navTitles(watcher)).indexOf("Organ removal")).toBe(1);

    // Rename it.
    await editor.getByRole("button", { name: "Rename “Organ removal”" }).click();
    await editor.getByLabel("New title for “Organ removal”").fill("Trafficking for organ removal");
    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await expectStatus(facilitator, "Renamed to “Trafficking for organ removal”.");
    await watcher.getByTestId("section-nav").getByRole("link", { name: "Trafficking for organ removal" }).waitFor();
    await watcher.getByRole("heading", { name: "Trafficking for organ removal", level: 2 }).waitFor();

    // Move it to the top by keyboard: its handle keeps the focus.
    const handle = editor.getByRole("button", { name: /^Move “Trafficking for organ removal”/ });
    await handle.focus();
    await facilitator.keyboard.press("Alt+ArrowUp");
    await expectStatus(facilitator, "Moved “Trafficking for organ removal” to place 1.");
    await expect
      .poll(async () => (await navTitles(watcher))[0], { timeout: 10_000 })
      .toBe("Trafficking for organ removal");
    await expect
      .poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""))
      .toMatch(/^Move “Trafficking for organ removal”/);

    // Drag it onto the third row: it takes that place.
    const rows = editor.getByTestId("structure-row");
    await rows.first().dragTo(rows.nth(2));
    await expectStatus(facilitator, "Moved “Trafficking for organ removal” to place 3.");
    await expect
      .poll(async () => (await navTitles(watcher))[2], { timeout: 10_000 })
      .toBe("Trafficking for organ removal");

    // Remove a section that has sources.
    await editor.getByRole("button", { name: "Remove… “Relation to existing instruments”" }).click();
    await facilitator.getByRole("alertdialog").getByRole("button", { name: "Remove section" }).click();
    await expectStatus(facilitator, /^Removed “Relation to existing instruments”/);
    await expect.poll(() => watcher.locator(`#${REMOVED}`).count(), { timeout: 10_000 }).toBe(0);
    const section = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: REMOVED } });
    expect(section.removedAt).not.toBeNull();

    // The title.
    await editor.getByRole("button", { name: "Edit title" }).click();
    await editor.getByLabel("Title of the plan").fill("Global Plan of Action to Combat Trafficking in Persons");
    await editor.getByRole("button", { name: "Save title" }).click();
    await watcher
      .getByRole("heading", { name: "Global Plan of Action to Combat Trafficking in Persons", level: 1 })
      .waitFor({ timeout: 10_000 });

    expect(await findSeriousViolations(facilitator)).toEqual([]);
  });

  it("gives an observer no control, and the server refuses their attempt (403)", async () => {
    const observer = await open(ACCOUNTS.observer);
    expect(await observer.getByRole("button", { name: "Arrange sections and title" }).count()).toBe(0);
    const before = await getPrisma().plan.findUniqueOrThrow({ where: { id: planId } });
    const status = await observer.evaluate(
      async ({ planId, revision }) =>
        (
          await fetch(`/api/plans/${planId}`, {
            method: "PATCH",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ expectedRevision: revision, title: "Observer's title" }),
          })
        ).status,
      { planId, revision: before.structureRevision },
    );
    expect(status).toBe(403);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: planId } })).title).toBe(before.title);
  });

  it("brings the removed section back, with its sources, by restoring a version from before", async () => {
    const [facilitator, watcher] = await Promise.all([open(ACCOUNTS.facilitator), open(ACCOUNTS.facilitator2)]);
    await facilitator.goto(`/plans/${planId}/versions`);
    const version = facilitator.getByTestId("version").filter({ hasText: "Before arranging" });
    await version.getByRole("button", { name: /^Restore plan from Before arranging/ }).click();
    await facilitator.getByRole("alertdialog").getByRole("button", { name: "Restore", exact: true }).click();
    await facilitator.getByText(/Brought back 1 removed section\(s\)\./).waitFor({ timeout: 15_000 });
    // Live on the other page: the section is back where it was, with its confirmed sources.
    const back = watcher.locator(`#${REMOVED}`);
    await back.waitFor({ timeout: 10_000 });
    await back.getByText(/\d+ confirmed sources/).waitFor();
    expect(await navTitles(watcher)).not.toContain("Trafficking for organ removal");
  });
});
