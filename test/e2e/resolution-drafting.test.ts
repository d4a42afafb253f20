/**
 * Drafting a resolution in Chromium against `next start` and the real
 * collaboration server: a facilitator styles paragraphs with the toolbar and
 * its shortcuts, moves an operative paragraph by keyboard, and both their page
 * and a second facilitator's show the numbers print will use, live, continued
 * across sections; the DOCX (Word's own numbering) and the PDF print them so.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { waitFor } from "@/test/support/collab";
import { createPlan } from "@/test/support/factories";
import { readDocxNumbers } from "@/test/support/numbered-plans";
import { openPlanAs } from "@/test/support/plan-page";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

const SECTION = "objectives";
/** The operative paragraphs' opening words, and as the exports must print them after the move. */
const OPERATIVE = /^(Remains seized|Decides to act|Urges Member States|Requests a report)/;
const PRINTED = ["1. Remains seized", "2. Decides to act", "3. Urges Member States", "4. Requests a report"];

/** The PDF's operative paragraphs as pdftotext lays them out: "1. Remains seized". */
function readPdfOperative(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), "gpa-pdf-"));
  writeFileSync(join(dir, "plan.pdf"), pdf);
  const text = execFileSync("pdftotext", ["-layout", join(dir, "plan.pdf"), "-"], { encoding: "utf8" });
  return text.split("\n").flatMap((line) => {
    const match = /^\s*(\d+\.)\s+(.*)$/.exec(line);
    const words = match && OPERATIVE.exec(match[2]);
    return match && words ? [`${match[1]} ${words[1]}`] : [];
  });
}
/** A section before it in the plan: its operative paragraphs come first in the count. */
const EARLIER = "principles";

/** The section's numbered paragraphs as shown: marker and words (other people's carets and the printed ending left out). */
function readNumbered(page: Page, sectionKey: string): Promise<{ marker: string | null; text: string }[]> {
  return page.evaluate((key) => {
    const paragraphs = [...document.querySelectorAll(`#${key} .ProseMirror > p[data-kind]`)];
    return paragraphs.map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret, .print-ending").forEach((e) => e.remove());
      return { marker: p.getAttribute("data-marker"), text: copy.textContent ?? "" };
    });
  }, sectionKey);
}

/** The operative paragraphs' markers and first words, in order: "1. Decides". */
async function readOperative(page: Page, sectionKey: string): Promise<string[]> {
  return (await readNumbered(page, sectionKey))
    .filter(({ marker }) => marker && /^\d+\.$/.test(marker))
    .map(({ marker, text }) => `${marker} ${text.split(" ")[0]}`);
}

async function typeParagraphs(page: Page, texts: string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    if (i > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(text);
  }
}

describe.skipIf(!hasServer)("drafting a resolution", () => {
  it("styles, numbers and moves paragraphs, live for a second facilitator, across sections", async () => {
    const [a, b] = await Promise.all([
      openPlanAs(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: SECTION }),
      openPlanAs(browser, { planId, email: ACCOUNTS.facilitator2, sectionKey: SECTION }),
    ]);
    const section = a.locator(`#${SECTION}`);
    const toolbar = section.getByRole("toolbar", { name: /Paragraph style and order/ });
    await section.locator(".ProseMirror > p").first().click();
    await a.keyboard.press("End");
    await a.keyboard.press("Enter");
    // The toolbar's button for the first style, the shortcuts for the rest; Enter carries a style on.
    await toolbar.getByRole("button", { name: "Preambular paragraph" }).click();
    await expect(
      toolbar.getByRole("button", { name: "Preambular paragraph" }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await typeParagraphs(a, [
      "Recalling its resolution 63/194",
      "Deeply concerned at the trafficking of persons",
      "Welcoming the dialogue",
    ]);
    await a.keyboard.press("Enter");
    await a.keyboard.press("Control+Alt+8");
    await typeParagraphs(a, ["Decides to act", "Urges Member States"]);
    await a.keyboard.press("Enter");
    await a.keyboard.press("Control+Alt+9");
    await typeParagraphs(a, ["to ratify the Protocol", "to protect victims"]);
    await a.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "Operative paragraph" }).click();
    await typeParagraphs(a, ["Requests a report", "Remains seized of the matter"]);

    const drafted = ["1. Decides", "2. Urges", "3. Requests", "4. Remains"];
    await waitFor(async () => (await readOperative(a, SECTION)).join() === drafted.join(), "numbered 1–4");
    const shown = await readNumbered(a, SECTION);
    expect(shown.map((p) => p.marker)).toEqual([null, null, null, "1.", "2.", "(a)", "(b)", "3.", "4."]);
    // The endings print will use, shown after the words: a colon before sub-paragraphs, a full stop at the end.
    const endings = await section.locator(".ProseMirror > p[data-kind] .print-ending").allTextContents();
    expect(endings).toEqual([",", ",", ",", ";", ":", ";", ";", ";", "."]);

    // Operative paragraph 4 to the top by keyboard: over 3, over 2 with its sub-paragraphs, over 1.
    for (let i = 0; i < 3; i++) await a.keyboard.press("Alt+Shift+ArrowUp");
    const moved = ["1. Remains", "2. Decides", "3. Urges", "4. Requests"];
    await waitFor(async () => (await readOperative(a, SECTION)).join() === moved.join(), "renumbered after the move");
    await waitFor(async () => (await readOperative(b, SECTION)).join() === moved.join(), "the second page, live");
    expect((await readNumbered(b, SECTION)).map((p) => p.marker)).toEqual(
      (await readNumbered(a, SECTION)).map((p) => p.marker),
    );

    // An operative paragraph in an earlier section comes first in the count, on both pages, live.
    const earlier = a.locator(`#${EARLIER}`);
    await earlier.locator(".ProseMirror > p").first().click();
    await earlier.getByRole("button", { name: "Operative paragraph" }).click();
    const continued = ["2. Remains", "3. Decides", "4. Urges", "5. Requests"];
    await waitFor(async () => (await readOperative(a, SECTION)).join() === continued.join(), "continued from before");
    await waitFor(async () => (await readOperative(b, SECTION)).join() === continued.join(), "continued, live");
    await earlier.getByRole("button", { name: "Plain text" }).click();
    await waitFor(async () => (await readOperative(b, SECTION)).join() === moved.join(), "back to 1–4");

    expect(await findSeriousViolations(a)).toEqual([]);
    // The server-rendered text (shown until the editor syncs, and without JavaScript) numbers the stored text alike.
    await waitFor(async () => {
      const html = await (await b.request.get(`/plans/${planId}`)).text();
      const markers = [...html.matchAll(/data-marker="([^"]+)"/g)].map((match) => match[1]);
      return markers.join() === "1.,2.,3.,(a),(b),4.";
    }, "the server-rendered page numbers alike");
    // The exports print the numbers the editor shows, in the new order: Word's own numbering, and the PDF's text.
    const docx = Buffer.from(await (await b.request.get(`/api/plans/${planId}/export?format=docx`)).body());
    expect(readDocxNumbers(docx, OPERATIVE).map(({ blockId, marker }) => `${marker} ${blockId}`)).toEqual(PRINTED);
    const pdf = Buffer.from(await (await b.request.get(`/api/plans/${planId}/export?format=pdf`)).body());
    expect(readPdfOperative(pdf)).toEqual(PRINTED);
    await Promise.all([a.context().close(), b.context().close()]);
  });

  it("moves the paragraph up and down with the toolbar's buttons, reached by the arrow keys", async () => {
    const page = await openPlanAs(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: SECTION });
    const section = page.locator(`#${SECTION}`);
    const toolbar = section.getByRole("toolbar", { name: /Paragraph style and order/ });
    await section.locator(".ProseMirror > p[data-marker='1.']").click();
    await toolbar.getByRole("button", { name: "Plain text" }).focus();
    // One Tab stop; the arrow keys walk the buttons.
    await page.keyboard.press("End");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe(
      "Move paragraph down",
    );
    await page.keyboard.press("Enter");
    await waitFor(
      async () => (await readOperative(page, SECTION)).slice(0, 2).join() === "1. Decides,2. Remains",
      "moved down by the toolbar",
    );
    await page.context().close();
  });
});
