/** Chromium helpers for the plan page: open it signed in, and select text in a passage of the live editor. */
import type { Page } from "playwright-core";
import type { ServedBrowser } from "./served-app";

/**
 * Signs in as `email` in a fresh context and opens the plan, once `sectionKey`'s live text has synced and its
 * editor is built: "saved" comes with the sync, while the server-rendered text may still stand in for the editor.
 */
export async function openPlanAs(
  browser: ServedBrowser,
  { planId, email, sectionKey = "resources" }: { planId: string; email: string; sectionKey?: string },
): Promise<Page> {
  const page = await browser.newPage(email);
  await page.goto(`/plans/${planId}`);
  await page.locator(`#${sectionKey} [data-testid="save-status"][data-state="saved"]`).waitFor();
  await page.locator(`#${sectionKey} .ProseMirror`).waitFor();
  return page;
}

/** Selects `text` inside a passage of the live editor, as a mouse drag would, and lets the page see the selection. */
export async function selectInPassage(
  page: Page,
  { sectionKey, blockId, text }: { sectionKey: string; blockId: string; text: string },
): Promise<void> {
  await page.locator(`#${sectionKey} .ProseMirror [data-block-id="${blockId}"]`).filter({ hasText: text }).waitFor();
  await page.evaluate(
    ({ sectionKey, blockId, text }) => {
      const passage = document.querySelector(`#${sectionKey} .ProseMirror [data-block-id="${blockId}"]`)!;
      const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        passage.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
      throw new Error(`"${text}" not found in ${blockId}`);
    },
    { sectionKey, blockId, text },
  );
}

/** The number a top-level paragraph shows in the live editor ("6."), or null while it shows none. */
export function markerOf(page: Page, { sectionKey, blockId }: { sectionKey: string; blockId: string }) {
  return page.locator(`#${sectionKey} .ProseMirror > p[data-block-id="${blockId}"]`).getAttribute("data-marker");
}
