/**
 * One setup for every end-to-end and security file: the app e2e-setup.ts
 * serves, this process pointed at its database, demo accounts signed in once
 * per file, and one Chromium per file. Each function registers its own
 * beforeAll/afterAll, so a file calls it at the top and nothing else.
 *
 * Without Chromium (outside CI) nothing is served: `hasServer` is false, the
 * hooks do nothing, and the files skip with `describe.skipIf(!hasServer)`.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { setEnv } from "@/lib/env";
import { ACCOUNTS } from "./accounts";
import { launchChromium } from "./chromium";
import type { HttpSession } from "./sign-in";
import { signInOverHttp, signInWithForm } from "./sign-in";

/** A demo account by its short name (test/support/accounts.ts), e.g. "facilitator" or "bahrain". */
export type AccountName = keyof typeof ACCOUNTS;

export type ServedApp<Name extends AccountName> = {
  /** Where the app is served, e.g. http://localhost:41234. */
  baseUrl: string;
  /** False when Chromium is missing outside CI: nothing is served and the file skips. */
  hasServer: boolean;
  /** The served app's database, which this process's Prisma client uses too. */
  databaseUrl: string;
  /** Port of the collaboration server the app points browsers at. */
  collabPort: number;
  /** The seeded demo plan, for checks that only read; a test that writes creates its own (createPlan). */
  demoPlanId: string;
  /** One HTTP session per account asked for, signed in before the file's tests (empty until then). */
  sessions: Record<Name, HttpSession>;
};

/**
 * Points this process at the served app's database before the file's tests and disconnects after, and signs in
 * `accounts` over HTTP once (signing in is rate limited and slow, so not once per test).
 */
export function setUpServedApp<Name extends AccountName = never>({
  accounts = [],
}: { accounts?: readonly Name[] } = {}): ServedApp<Name> {
  const hasServer = inject("hasBrowser");
  const app: ServedApp<Name> = {
    baseUrl: inject("baseUrl"),
    hasServer,
    databaseUrl: inject("databaseUrl"),
    collabPort: inject("collabPort"),
    demoPlanId: inject("demoPlanId"),
    sessions: {} as Record<Name, HttpSession>,
  };
  beforeAll(async () => {
    if (!hasServer) return;
    setEnv("DATABASE_URL", app.databaseUrl);
    for (const name of accounts) app.sessions[name] = await signInOverHttp(app.baseUrl, ACCOUNTS[name]);
  });
  afterAll(() => disconnectPrisma());
  return app;
}

export type ServedBrowser = {
  /** A fresh context (its own cookies) whose relative URLs go to the served app. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a fresh context, signed in through the form as `email` when given (it then starts on "/"). */
  newPage: (email?: string) => Promise<Page>;
};

/**
 * Chromium for this file: launched on first use, so a file whose browser tests are skipped starts none, and
 * closed after the file with every context and page it opened.
 */
export function setUpBrowser(): ServedBrowser {
  const baseUrl = inject("baseUrl");
  let launched: Promise<Browser> | undefined;
  // A launch that failed has failed its test already; closing has nothing to add.
  afterAll(() =>
    launched?.then(
      (browser) => browser.close(),
      () => {},
    ),
  );
  const newContext = async (options: BrowserContextOptions = {}) => {
    launched ??= launchChromium();
    return (await launched).newContext({ baseURL: baseUrl, ...options });
  };
  const newPage = async (email?: string) => {
    const page = await (await newContext()).newPage();
    if (email) await signInWithForm(page, email);
    return page;
  };
  return { newContext, newPage };
}
