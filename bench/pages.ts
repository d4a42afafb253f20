/**
 * How fast do the heavy pages load in a real browser? Chromium (Debian's,
 * driven by playwright-core) against a production build (`next build`,
 * `next start` and the collab server, as test/support/production-server.ts
 * serves them), on loopback, with NO CPU or network throttling, at
 * Playwright's default 1280 × 720 viewport. Pages, each signed in through
 * the real /sign-in form once per role (the cookies are then reused):
 *   - reader:   /dialogues/<id>, as the observer;
 *   - plan:     /plans/<id>, as the observer (every section read-only, but
 *               live: it still syncs each section over the collab socket);
 *   - editor:   /plans/<id>, as a facilitator (every section a live editor);
 *   - coverage: /plans/<id>/coverage, as the observer.
 * Each page gets one discarded warm-up load (the server's caches), then
 * `--runs` measured loads, each in a fresh browser context: a cold HTTP
 * cache, but a session. The runs go round the pages in turn, so a burst of
 * other work on the machine does not land on one page only.
 *
 * A load ends when the page is *quiet*: the load event has fired, no request
 * is in flight (the bell's notification EventSource, open for the page's
 * life, left out) and none has started or finished for 500 ms, no long task has
 * ended in the last 500 ms, and, on the plan pages, every section's status
 * says it has synced (data-state="saved", shown as "Saved" or "Live"). The
 * browser's own figures are then read, as it reports them:
 *   - LCP: the last 'largest-contentful-paint' entry (buffered). On the plan
 *     pages it may be the synced text that replaces the server-rendered
 *     fallback, when that paints larger.
 *   - TBT: long tasks are not buffered, so an init script (which runs before
 *     any of the page's scripts) records every 'longtask' entry; TBT is the
 *     sum over those after first contentful paint, clipped to start at FCP
 *     as Lighthouse does, of (duration − 50 ms), up to quiet.
 *   - first-load JS: every script response of the load (Next's chunks; the
 *     RSC payload inlined in the HTML is not a script file and counts under
 *     transfer only), its body as the browser received it (decoded), gzipped
 *     here with node:zlib at zlib's default level 6 — what `next start`'s
 *     compression sends — and summed; also the uncompressed sum.
 *   - transfer: bytes over the wire for the whole load, headers included
 *     (CDP Network.loadingFinished encodedDataLength, summed; the collab
 *     WebSocket's frames and the still-open notification stream are not
 *     counted); requests: every one the page started until quiet, the
 *     stream included. `next start` compresses (Next's
 *     `compress` defaults to on; next.config.js leaves it), so this is the
 *     compressed size; the output says which encoding the scripts came in.
 * Targets, per page: LCP < 1.5 s, TBT < 200 ms, first-load JS < 350 kB gzip
 * (kB = 1,000 bytes). A missed target is reported, never thrown.
 *
 *   npx tsx bench/pages.ts [--runs 5]
 */
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { disconnectPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { seedPlan } from "@/lib/plan/seed-plan";
import { seedDemoAccounts } from "@/lib/users/seed-demo-accounts";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import { launchChromium } from "@/test/support/chromium";
import { SEED_DIALOGUE } from "@/test/support/e2e-setup";
import { ensureProductionBuild, serveProduction } from "@/test/support/production-server";
import type { ProductionStack } from "@/test/support/production-server";
import { signInWithForm } from "@/test/support/sign-in";
import { findPercentile, formatMs, log, reportUpperBound, withBenchDatabase } from "./bench-support";

const TARGET_LCP_MS = 1500;
const TARGET_TBT_MS = 200;
const TARGET_JS_GZIP_KB = 350;
/** Nothing on the network, and no long task, for this long: the page is quiet. */
const QUIET_MS = 500;
/** A load that is not quiet by then is a failure of the page, not a slow figure. */
const LOAD_TIMEOUT_MS = 60_000;
/** A long task blocks the main thread for whatever exceeds this. */
const LONG_TASK_MS = 50;

type Role = "observer" | "facilitator";
type PageSpec = { name: string; path: string; role: Role; isLive: boolean };
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
type Script = { url: string; rawBytes: number; gzipBytes: number; encoding: string };
type Run = {
  lcpMs: number;
  lcpElement: string;
  tbtMs: number;
  longTasks: number;
  scripts: Script[];
  transferBytes: number;
  requests: number;
};

/**
 * Runs in every document before its own scripts: long tasks are not buffered,
 * so they must be watched from the start. It also names each LCP candidate's
 * element while it is still in the document: on the plan pages the synced
 * text replaces the server-rendered fallback, and a removed element is gone
 * from the entry by the time the page is quiet.
 */
const RECORD_LONG_TASKS = `
  window.__benchLongTasks = [];
  window.__benchLcpElements = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask" });
  new PerformanceObserver((list) => {
    for (const { element } of list.getEntries()) {
      window.__benchLcpElements.push(element ? element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + ' "' + (element.textContent || "").trim().slice(0, 40) + '"' : "(no element)");
    }
  }).observe({ type: "largest-contentful-paint" });
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
  const runCount = Number(values.runs);
  if (!Number.isInteger(runCount) || runCount < 1)
    throw new Error(`--runs must be a positive whole number, not ${values.runs}`);
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue, seeding the demo accounts and the plan …");
    const { dialogueId } = await importDialogue({
      prisma,
      ...(await readDialogueFile(SEED_DIALOGUE)),
      sourceName: path.basename(SEED_DIALOGUE),
    });
    await seedDemoAccounts({ prisma, password: DEMO_PASSWORD });
    const { planId } = await seedPlan({ dialogueId });
    // The servers open their own pools; this process needs the database no more until the drop.
    await disconnectPrisma();
    await ensureProductionBuild(log);
    log("serving the production build …");
    const stack = await serveProduction({
      databaseUrl: process.env.DATABASE_URL!,
      stdio: ["ignore", "ignore", "inherit"],
    });
    let browser: Browser | null = null;
    try {
      browser = await launchChromium();
      const pages: PageSpec[] = [
        { name: "reader", path: `/dialogues/${encodeURIComponent(dialogueId)}`, role: "observer", isLive: false },
        { name: "plan", path: `/plans/${planId}`, role: "observer", isLive: true },
        { name: "editor", path: `/plans/${planId}`, role: "facilitator", isLive: true },
        { name: "coverage", path: `/plans/${planId}/coverage`, role: "observer", isLive: false },
      ];
      await measureAll({ browser, stack, pages, runCount });
    } finally {
      await browser?.close();
      await stack.stop();
    }
  });
}

async function measureAll({
  browser,
  stack,
  pages,
  runCount,
}: {
  browser: Browser;
  stack: ProductionStack;
  pages: PageSpec[];
  runCount: number;
}): Promise<void> {
  const sessions: Record<Role, StorageState> = {
    observer: await signIn(browser, stack.baseUrl, ACCOUNTS.observer),
    facilitator: await signIn(browser, stack.baseUrl, ACCOUNTS.facilitator),
  };
  for (const page of pages) {
    log(`warm-up: ${page.name} …`);
    await measureLoad({ browser, baseUrl: stack.baseUrl, page, session: sessions[page.role] });
  }
  const runs = new Map<string, Run[]>(pages.map((page) => [page.name, []]));
  for (let n = 1; n <= runCount; n++) {
    for (const page of pages) {
      log(`run ${n}/${runCount}: ${page.name} …`);
      runs
        .get(page.name)!
        .push(await measureLoad({ browser, baseUrl: stack.baseUrl, page, session: sessions[page.role] }));
    }
  }
  printReport({ browser, pages, runs });
}

/** Signs in through the real form once, and keeps the session's cookies for fresh contexts. */
async function signIn(browser: Browser, baseUrl: string, email: string): Promise<StorageState> {
  log(`signing in as ${email} …`);
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    await signInWithForm(await context.newPage(), email);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** One cold load of `page` in a fresh context, measured until the page is quiet. */
async function measureLoad({
  browser,
  baseUrl,
  page: spec,
  session,
}: {
  browser: Browser;
  baseUrl: string;
  page: PageSpec;
  session: StorageState;
}): Promise<Run> {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: session });
  try {
    await context.addInitScript({ content: RECORD_LONG_TASKS });
    const page = await context.newPage();
    const network = await watchNetwork(page);
    // One entry per script URL (a preload and its <script> share one), from the load until quiet.
    const scripts = new Map<string, Promise<Script>>();
    let isLoading = true;
    page.on("response", (response) => {
      if (!isLoading || response.request().resourceType() !== "script" || scripts.has(response.url())) return;
      const encoding = response.headers()["content-encoding"] ?? "identity";
      scripts.set(
        response.url(),
        response
          .body()
          .then((body) => ({ url: response.url(), rawBytes: body.length, gzipBytes: gzipSync(body).length, encoding })),
      );
    });
    const response = await page.goto(spec.path, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    if (!response?.ok() || new URL(page.url()).pathname !== spec.path)
      throw new Error(`${spec.name}: ${spec.path} answered ${response?.status()} at ${page.url()}`);
    await waitUntilQuiet(page, { network, isLive: spec.isLive });
    isLoading = false;
    const { transferBytes, requests } = network.stop();
    const vitals = await readVitals(page);
    return { ...vitals, scripts: await Promise.all(scripts.values()), transferBytes, requests };
  } finally {
    await context.close();
  }
}

type NetworkWatch = {
  inFlight: () => number;
  lastActivity: () => number;
  stop: () => { transferBytes: number; requests: number };
};

/** Bytes over the wire and requests in flight, from the DevTools protocol, which sees every request the page makes. */
async function watchNetwork(page: Page): Promise<NetworkWatch> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const pending = new Set<string>();
  const seen = new Set<string>();
  let transferBytes = 0;
  let lastActivity = Date.now();
  let isStopped = false;
  cdp.on("Network.requestWillBeSent", ({ requestId, type }) => {
    if (isStopped) return;
    // The notification feed's EventSource stays open for the page's life: it is never "in flight" to wait for.
    if (type !== "EventSource") pending.add(requestId);
    seen.add(requestId);
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    if (isStopped) return;
    pending.delete(requestId);
    transferBytes += encodedDataLength;
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFailed", ({ requestId }) => {
    if (isStopped) return;
    pending.delete(requestId);
    lastActivity = Date.now();
  });
  return {
    inFlight: () => pending.size,
    lastActivity: () => lastActivity,
    stop: () => {
      isStopped = true;
      void cdp.detach().catch(() => {});
      return { transferBytes, requests: seen.size };
    },
  };
}

/** Polls until the page is quiet (see the top of the file), or fails after LOAD_TIMEOUT_MS. */
async function waitUntilQuiet(
  page: Page,
  { network, isLive }: { network: NetworkWatch; isLive: boolean },
): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  let waitingFor = "";
  while (Date.now() < deadline) {
    const state = await page.evaluate(
      ({ isLive, quietMs }) => {
        const tasks = (window as unknown as { __benchLongTasks: { start: number; duration: number }[] })
          .__benchLongTasks;
        const lastTaskEnd = Math.max(0, ...tasks.map((t) => t.start + t.duration));
        const statuses = [...document.querySelectorAll<HTMLElement>('[data-testid="save-status"]')];
        const isSynced = !isLive || (statuses.length > 0 && statuses.every((s) => s.dataset.state === "saved"));
        return {
          isCpuQuiet: performance.now() - lastTaskEnd >= quietMs,
          isSynced,
          sectionStates: statuses.map((s) => s.dataset.state).join(" "),
        };
      },
      { isLive, quietMs: QUIET_MS },
    );
    const isNetworkQuiet = network.inFlight() === 0 && Date.now() - network.lastActivity() >= QUIET_MS;
    if (isNetworkQuiet && state.isCpuQuiet && state.isSynced) return;
    waitingFor = [
      !isNetworkQuiet && `the network (${network.inFlight()} in flight)`,
      !state.isCpuQuiet && "long tasks",
      !state.isSynced && `the sections to sync (${state.sectionStates || "none shown"})`,
    ]
      .filter(Boolean)
      .join(", ");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${page.url()} was not quiet within ${LOAD_TIMEOUT_MS / 1000} s: still waiting for ${waitingFor}`);
}

/** LCP and TBT as the browser reports them. */
async function readVitals(
  page: Page,
): Promise<{ lcpMs: number; lcpElement: string; tbtMs: number; longTasks: number }> {
  const vitals = await page.evaluate(async (longTaskMs) => {
    const lcp = await new Promise<PerformanceEntry | null>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1) ?? null)).observe({
        type: "largest-contentful-paint",
        buffered: true,
      });
      setTimeout(() => resolve(null), 1000);
    });
    const elements = (window as unknown as { __benchLcpElements: string[] }).__benchLcpElements;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const tasks = (window as unknown as { __benchLongTasks: { start: number; duration: number }[] }).__benchLongTasks;
    // Lighthouse's clipping: only the part of a task after FCP counts, and only beyond 50 ms.
    const blocking = tasks
      .map((t) => t.start + t.duration - Math.max(t.start, fcp) - longTaskMs)
      .filter((ms) => ms > 0);
    return {
      lcpMs: lcp?.startTime ?? null,
      lcpElement: elements.at(-1) ?? "(not seen)",
      tbtMs: blocking.reduce((sum, ms) => sum + ms, 0),
      longTasks: tasks.length,
    };
  }, LONG_TASK_MS);
  if (vitals.lcpMs === null) throw new Error(`${page.url()}: the browser reported no largest contentful paint`);
  return { ...vitals, lcpMs: vitals.lcpMs };
}

// ── Report ──────────────────────────────────────────────────────────────────

const kB = (bytes: number) => bytes / 1000;
const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const median = (values: number[]) => findPercentile(values, 50);
const maxOf = (values: number[]) => Math.max(...values);

function printReport({
  browser,
  pages,
  runs,
}: {
  browser: Browser;
  pages: PageSpec[];
  runs: Map<string, Run[]>;
}): void {
  const cpuList = cpus();
  const allScripts = [...runs.values()].flat().flatMap((run) => run.scripts);
  const gzipped = allScripts.filter((script) => script.encoding === "gzip");
  const plain = allScripts.filter((script) => script.encoding !== "gzip");
  console.log(
    `Node ${process.version}, ${cpuList.length} × ${cpuList[0]?.model.trim() ?? "unknown CPU"}; Chromium ${browser.version()} (headless)`,
  );
  console.log(
    "A production build (next start + the collab server) on loopback; NO CPU or network throttling; 1280 × 720.",
  );
  console.log(
    `Each page: 1 warm-up load, then ${runs.values().next().value?.length ?? 0} measured loads in fresh contexts (cold HTTP cache, signed in).`,
  );
  const plainNote = plain.length
    ? `; the other ${plain.length}, none over ${kB(maxOf(plain.map((s) => s.rawBytes))).toFixed(1)} kB, uncompressed`
    : "";
  console.log(
    `next start sent ${gzipped.length} of ${allScripts.length} script responses gzip-encoded${plainNote}: the transfer size is the compressed one.`,
  );
  console.log("JS gzip: each script's body gzipped here with node:zlib (level 6, zlib's default), summed.");
  console.log("kB = 1,000 bytes; median is nearest-rank (a measured value).");
  for (const spec of pages) {
    const pageRuns = runs.get(spec.name)!;
    console.log(
      `\n${spec.name}: ${spec.path} as the ${spec.role}${spec.isLive ? " (waits for every section to sync)" : ""}`,
    );
    console.log("| run | LCP | TBT | long tasks | JS gzip | JS raw | scripts | transfer | requests |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    const rows = pageRuns.map((run) => ({
      lcp: run.lcpMs,
      tbt: run.tbtMs,
      longTasks: run.longTasks,
      gzip: kB(sumOf(run.scripts.map((s) => s.gzipBytes))),
      raw: kB(sumOf(run.scripts.map((s) => s.rawBytes))),
      scripts: run.scripts.length,
      transfer: kB(run.transferBytes),
      requests: run.requests,
    }));
    const line = (label: string, r: (typeof rows)[number]) =>
      `| ${label} | ${formatMs(r.lcp)} ms | ${formatMs(r.tbt)} ms | ${r.longTasks} | ${r.gzip.toFixed(1)} kB | ${r.raw.toFixed(1)} kB | ${r.scripts} | ${r.transfer.toFixed(1)} kB | ${r.requests} |`;
    rows.forEach((row, i) => console.log(line(String(i + 1), row)));
    const summary = (pick: (values: number[]) => number) => ({
      lcp: pick(rows.map((r) => r.lcp)),
      tbt: pick(rows.map((r) => r.tbt)),
      longTasks: pick(rows.map((r) => r.longTasks)),
      gzip: pick(rows.map((r) => r.gzip)),
      raw: pick(rows.map((r) => r.raw)),
      scripts: pick(rows.map((r) => r.scripts)),
      transfer: pick(rows.map((r) => r.transfer)),
      requests: pick(rows.map((r) => r.requests)),
    });
    const medians = summary(median);
    console.log(line("**median**", medians));
    console.log(line("max", summary(maxOf)));
    const largest = [...pageRuns.at(-1)!.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3);
    console.log(
      `largest scripts (gzip): ${largest.map((s) => `${path.basename(new URL(s.url).pathname)} ${kB(s.gzipBytes).toFixed(1)} kB`).join(", ")}`,
    );
    console.log(`LCP element (last run): ${pageRuns.at(-1)!.lcpElement}`);
    const verdicts = [
      `LCP median ${medians.lcp < TARGET_LCP_MS ? "within" : "OVER"} ${TARGET_LCP_MS} ms`,
      `TBT median ${medians.tbt < TARGET_TBT_MS ? "within" : "OVER"} ${TARGET_TBT_MS} ms`,
      `JS ${medians.gzip < TARGET_JS_GZIP_KB ? "within" : "OVER"} ${TARGET_JS_GZIP_KB} kB gzip`,
    ];
    console.log(`targets: ${verdicts.join("; ")}`);
    reportUpperBound({ name: `pages ${spec.name} LCP median`, value: medians.lcp, unit: "ms", limit: TARGET_LCP_MS });
    reportUpperBound({ name: `pages ${spec.name} TBT median`, value: medians.tbt, unit: "ms", limit: TARGET_TBT_MS });
    reportUpperBound({ name: `pages ${spec.name} JS gzip`, value: medians.gzip, unit: "kB", limit: TARGET_JS_GZIP_KB });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
