/**
 * The negotiation steps as a user takes them in Chromium, shared by the end-to-end files: proposing a new paragraph
 * after another ("5 bis"), replacing words with bracketed alternatives, issuing a revision from the Negotiation page
 * and putting it under silence from the plan page.
 */
import type { Page } from "playwright-core";
import { selectInPassage } from "@/test/support/plan-page";

/** Proposes, as the signed-in delegate, a new paragraph after the one holding `words` (the form's default kind). */
export async function proposeParagraphAfter(
  page: Page,
  target: { sectionKey: string; blockId: string; words: string; newText: string; rationale: string },
): Promise<void> {
  await selectInPassage(page, { sectionKey: target.sectionKey, blockId: target.blockId, text: target.words });
  await page
    .getByRole("toolbar", { name: "Act on the selected text" })
    .getByRole("button", { name: "Propose amendment" })
    .click();
  const form = page.getByRole("form", { name: "Propose an amendment to the selected text" });
  await form.getByRole("radio", { name: "Insert a new paragraph after it" }).check();
  await form.getByLabel("Text of the new paragraph").fill(target.newText);
  await form.getByLabel("Rationale").fill(target.rationale);
  await form.getByRole("button", { name: "Propose amendment" }).click();
  await page.locator(`#${target.sectionKey}`).getByRole("status").filter({ hasText: "Amendment proposed" }).waitFor();
}

/** Replaces the selected words with alternatives, each held by the delegations given by id; returns their print. */
export async function insertAlternatives(
  page: Page,
  sectionKey: string,
  alternatives: { text: string; heldBy: string[] }[],
): Promise<string> {
  const section = page.locator(`#${sectionKey}`);
  await section.getByRole("button", { name: "Brackets…" }).click();
  const form = section.getByRole("form", { name: "Brackets" });
  await form.getByLabel("Replace them with alternatives").check();
  for (const [index, alternative] of alternatives.entries()) {
    await form.getByLabel(`Alternative ${index + 1}`, { exact: true }).fill(alternative.text);
    await form.getByLabel(`Held by (alternative ${index + 1})`).selectOption(alternative.heldBy);
  }
  await form.getByRole("button", { name: "Insert alternatives" }).click();
  const printed = `[${alternatives.map((alternative) => alternative.text).join(" / ")}]`;
  await section.locator(".bracket-alternatives", { hasText: printed }).waitFor();
  return printed;
}

/** Issues the next revision from the Negotiation page, through its confirmation, and waits for the status line. */
export async function issueRevisionOnPage(page: Page, planId: string, label: string): Promise<void> {
  await page.goto(`/plans/${planId}/negotiation`);
  await page.getByRole("button", { name: `Issue ${label}` }).click();
  await page
    .getByRole("alertdialog", { name: `Issue ${label}?` })
    .getByRole("button", { name: `Issue ${label}` })
    .click();
  await page
    .getByTestId("issue-revision-status")
    .filter({ hasText: new RegExp(`^Issued ${label.replace(".", "\\.")}`) })
    .waitFor({ timeout: 15_000 });
}

/**
 * Puts the current revision (`label`) under silence from the plan page's banner, `inMs` ahead in the browser's own
 * time zone, and waits for the banner to count down. `beforeSubmit` runs with the form filled (an axe scan, say).
 */
export async function putUnderSilence(
  page: Page,
  { label, inMs, beforeSubmit }: { label: string; inMs: number; beforeSubmit?: () => Promise<void> },
): Promise<void> {
  const local = await page.evaluate((ms) => {
    const at = new Date(Date.now() + ms);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  }, inMs);
  const banner = page.getByRole("region", { name: "Silence procedure" });
  await banner.getByLabel("Silence ends (your local time)").fill(local);
  await beforeSubmit?.();
  await banner.getByRole("button", { name: `Put ${label} under silence` }).click();
  await banner.getByText(new RegExp(`^${label.replace(".", "\\.")} is under silence until`)).waitFor();
  await banner
    .getByTestId("silence-countdown")
    .getByText(/^ends in \d+ s$/)
    .waitFor();
}

/** Breaks silence as the signed-in delegate, with a reason, and waits until the banner says it is broken. */
export async function breakSilence(page: Page, { label, reason }: { label: string; reason: string }): Promise<void> {
  const banner = page.getByRole("region", { name: "Silence procedure" });
  await banner
    .getByText(new RegExp(`^${label.replace(".", "\\.")} is under silence until`))
    .waitFor({ timeout: 10_000 });
  await banner.getByRole("button", { name: "Break silence…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Break silence on ${label}?` });
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Break silence" }).click();
  await banner.getByText(/^Silence was broken by /).waitFor();
}
