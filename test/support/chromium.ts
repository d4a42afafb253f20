/**
 * Debian's Chromium for the end-to-end tests (Playwright cannot download a
 * browser here). Without it the tests are skipped loudly by hand, and fail
 * under CI=true so a missing browser can never pass for green.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Flags that keep Chromium from reaching for the network this machine does not have.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Throws under CI, warns otherwise; returns whether the e2e tests can run. */
export function checkChromium(): boolean {
  if (hasChromium()) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium".`;
  if (process.env.CI === "true") throw new Error(`${message} End-to-end tests cannot be skipped in CI.`);
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING END-TO-END TESTS. ${message}\n${bar}\n`);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}
