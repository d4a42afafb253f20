/**
 * The export document as PDF: render-html.ts's print stylesheet, printed by
 * headless Chromium (Debian's, through playwright-core, which downloads no
 * browser). Chromium lays out type and tables as well as a browser prints
 * them, with no second layout engine to keep in step with the HTML.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { TExportDocument } from "./export-document";
import { describeVersion } from "./export-document";
import { renderHtml } from "./render-html";

/** Where Chromium is: CHROMIUM_PATH, or Debian's package. */
export function findChromiumPath(): string {
  return env.CHROMIUM_PATH;
}

// Flags that keep Chromium from reaching for a network these machines do not have, and running as root in a container.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Each print starts a Chromium of a few hundred MB; more than two at once on a
 * small server would starve the app, so further requests wait their turn.
 */
const MAX_CONCURRENT_PRINTS = 2;
let printing = 0;
const waiting: (() => void)[] = [];

export async function renderPdf({
  document,
  chromiumPath = findChromiumPath(),
}: {
  document: TExportDocument;
  chromiumPath?: string;
}): Promise<Buffer> {
  // An absolute path the operator configures, not a project file: nothing for the build to trace.
  if (!existsSync(/*turbopackIgnore: true*/ chromiumPath)) {
    throw new AppError(
      "unavailable",
      `PDF export needs Chromium, which is not at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  // A finished print hands its slot straight to the next in line, so the count never overshoots.
  if (printing >= MAX_CONCURRENT_PRINTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else printing++;
  try {
    return await printHtml({ document, chromiumPath });
  } finally {
    const next = waiting.shift();
    if (next) next();
    else printing--;
  }
}

async function printHtml({
  document,
  chromiumPath,
}: {
  document: TExportDocument;
  chromiumPath: string;
}): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: FLAGS });
  try {
    // No network and no scripts: the page is our own escaped HTML and needs neither.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(renderHtml({ document }), { waitUntil: "load" });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="width:100%;font-size:8pt;text-align:center;font-family:serif">${escapeTemplate(document.title)} · ${escapeTemplate(describeVersion(document))} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
      tagged: true,
      outline: true,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}

function escapeTemplate(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
