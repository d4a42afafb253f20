/**
 * How many page views a second does the app serve, against its floor: the same bytes served static? In one run,
 * against a production build (`next build`, `next start` and the collab server, as test/support/production-server.ts
 * serves them) on a fresh database with the 2009 dialogue, its plan and the demo accounts:
 *   - plan:     /plans/<id>, as the observer;
 *   - reader:   /dialogues/<id>, as the observer;
 *   - coverage: /plans/<id>/coverage, as the observer;
 * each first under load from the app, then the HTML the app just served, saved and served by a plain Node HTTP
 * server that gzips each response as `next start` does (so both pay for compression; the floor is the cost of
 * sending those bytes at all). autocannon, `--connections` (10) asking for gzip, `--seconds` (15) per measurement,
 * after a 2 s warm-up. Printed for each: req/s, latency p50/p99, errors, the page's bytes (raw and gzipped), the
 * app's CPU milliseconds per view (every process of `next start`, from /proc), and the app's ratio to static.
 *
 *   npx tsx bench/page-throughput.ts [--seconds 15] [--connections 10]
 *
 * Targets (issue 22): the plan page ≥ 50 req/s with p99 < 400 ms and ≥ 1/6 of static; reader and coverage ≥ 60 req/s.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { disconnectPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { seedPlan } from "@/lib/plan/seed-plan";
import { seedDemoAccounts } from "@/lib/users/seed-demo-accounts";
import { ACCOUNTS, DEMO_PASSWORD } from "@/test/support/accounts";
import { SEED_DIALOGUE } from "@/test/support/e2e-setup";
import { ensureProductionBuild, serveProduction } from "@/test/support/production-server";
import { signInOverHttp } from "@/test/support/sign-in";
import { log, reportFigure, withBenchDatabase } from "./bench-support";

type PageSpec = { name: string; path: string; minRate: number };
type Measured = { rate: number; p50: number; p99: number; errors: number; cpuMsPerView: number | null };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: "string", default: "15" }, connections: { type: "string", default: "10" } },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue, seeding the demo accounts and the plan …");
    const { dialogueId } = await importDialogue({
      prisma,
      ...(await readDialogueFile(SEED_DIALOGUE)),
      sourceName: path.basename(SEED_DIALOGUE),
    });
    await seedDemoAccounts({ prisma, password: DEMO_PASSWORD });
    const { planId } = await seedPlan({ dialogueId });
    await disconnectPrisma();
    await ensureProductionBuild(log);
    log("serving the production build …");
    const stack = await serveProduction({
      databaseUrl: process.env.DATABASE_URL!,
      stdio: ["ignore", "ignore", "inherit"],
    });
    try {
      const { cookie } = await signInOverHttp(stack.baseUrl, ACCOUNTS.observer);
      const pages: PageSpec[] = [
        { name: "plan", path: `/plans/${planId}`, minRate: 50 },
        { name: "reader", path: `/dialogues/${encodeURIComponent(dialogueId)}`, minRate: 60 },
        { name: "coverage", path: `/plans/${planId}/coverage`, minRate: 60 },
      ];
      console.log(`\nload average before: ${formatLoad()}; ${connections} connections, ${seconds} s per measurement`);
      console.log("page      served by   req/s    p50      p99    errors  CPU ms/view  HTML raw   gzip    ratio");
      for (const page of pages) {
        const url = `${stack.baseUrl}${page.path}`;
        const html = await fetchPage(url, cookie);
        const app = await measure({ url, cookie, seconds, connections, cpuOf: stack.app.pid });
        const floor = await withStaticServer(html, (staticUrl) => measure({ url: staticUrl, seconds, connections }));
        printRow(page.name, "app", app, html);
        printRow(page.name, "static", floor, html, app.rate / floor.rate);
        reportFigure({
          name: `${page.name} page req/s (observer, ${connections} connections)`,
          value: Math.round(app.rate * 10) / 10,
          unit: "req/s",
          target: `≥ ${page.minRate} req/s`,
          isMet: app.rate >= page.minRate && app.errors === 0,
        });
        reportFigure({ name: `${page.name} page p99`, value: Math.round(app.p99), unit: "ms" });
        reportFigure({ name: `${page.name} page ratio to static`, value: round(app.rate / floor.rate), unit: "" });
      }
      console.log(`load average after: ${formatLoad()}`);
    } finally {
      await stack.stop();
    }
  });
}

async function fetchPage(url: string, cookie: string): Promise<Buffer> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** A plain Node server answering every request with `html`, gzipped per response as `next start` compresses. */
async function withStaticServer<T>(html: Buffer, work: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((request, response) => {
    gzip(html, (error, body) => {
      if (error) return void response.writeHead(500).end();
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A 2 s warm-up, then `seconds` at full speed; with `cpuOf`, the CPU time that process tree spent per view. */
async function measure({
  url,
  cookie,
  seconds,
  connections,
  cpuOf,
}: {
  url: string;
  cookie?: string;
  seconds: number;
  connections: number;
  cpuOf?: number;
}): Promise<Measured> {
  const headers = { "accept-encoding": "gzip", ...(cookie && { cookie }) };
  await autocannon({ url, headers, connections, duration: 2 });
  const cpuBefore = cpuOf ? cpuMsOfTree(cpuOf) : 0;
  const result = await autocannon({ url, headers, connections, duration: seconds, timeout: 10 });
  const views = result.requests.total;
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerView: cpuOf && views ? (cpuMsOfTree(cpuOf) - cpuBefore) / views : null,
  };
}

/** User and system CPU time, in ms, of a process and all its descendants (Linux /proc; clock ticks of 10 ms). */
function cpuMsOfTree(rootPid: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces: the fields after its closing parenthesis are fixed.
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The process ended while we read.
    }
  }
  const sum = (pid: number): number => (cpu.get(pid) ?? 0) + (children.get(pid) ?? []).reduce((a, c) => a + sum(c), 0);
  return sum(rootPid);
}

function printRow(page: string, by: string, measured: Measured, html: Buffer, ratio?: number): void {
  const cells = [
    page.padEnd(9),
    by.padEnd(10),
    measured.rate.toFixed(1).padStart(6),
    `${measured.p50} ms`.padStart(8),
    `${measured.p99} ms`.padStart(8),
    String(measured.errors).padStart(7),
    (measured.cpuMsPerView === null ? "" : measured.cpuMsPerView.toFixed(1)).padStart(12),
    `${Math.round(html.length / 1024)} kB`.padStart(9),
    `${Math.round(gzipSync(html).length / 1024)} kB`.padStart(7),
    ratio === undefined ? "" : `  app = 1/${round(1 / ratio)} of static`,
  ];
  console.log(cells.join(" "));
}

const round = (value: number) => Math.round(value * 100) / 100;
const formatLoad = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(", ");

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
