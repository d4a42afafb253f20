/**
 * Does GPA Workspace hold a full General Assembly? Against a production build
 * (`next start` and the collab server, each its own process, on loopback),
 * for 60 s at once:
 *   - 200 watchers: each a browser's worth of WebSockets on one plan (one
 *     socket, a Yjs document per section, as the plan page opens them), who,
 *     like the page, take the threads the collab server pushes with each
 *     "threads-changed" (and fetch them over HTTP when a notice comes bare);
 *   - 20 delegates commenting (a thread each, then replies, one comment per
 *     ~20 s each), and 3 facilitators typing (~5 keys/s) into one section;
 *   - 50 HTTP requests a second, by autocannon, across the reader, the plan,
 *     the coverage board and the comment API (signed in as an observer).
 * Everyone signs in through the real sign-in route and gets collab tokens
 * from the real token route. The bench prints throughput, p50/p90/p99 per
 * route, a keystroke's and a comment's time to reach every watcher, the
 * error count (target 0) and the servers' RSS at the start and the end.
 *
 *   npx tsx bench/load.ts [--seconds 60] [--watchers 200] [--commenters 20] [--typists 3] [--rate 50] [--comment-every 20]
 */
import { cpus, totalmem } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { hashPassword } from "@/lib/auth/password";
import { createTokenSource } from "@/components/editor/token-source";
import type { CollabTokenBody } from "@/components/editor/token-source";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedPlan } from "@/lib/plan/seed-plan";
import { DEMO_PASSWORD } from "@/test/support/accounts";
import { waitFor } from "@/test/support/collab";
import { ensureProductionBuild, serveProduction } from "@/test/support/production-server";
import type { ProductionStack } from "@/test/support/production-server";
import type { HttpSession } from "@/test/support/sign-in";
import { signInOverHttp } from "@/test/support/sign-in";
import {
  findPercentile,
  formatMs,
  log,
  reportFigure,
  reportUpperBound,
  sleep,
  withBenchDatabase,
  withTimeout,
} from "./bench-support";
import { readTreeRss } from "./process-memory";
import { seededRandom, trackKeystrokes, typeLikeAHuman } from "./typing";

const SEED_DIALOGUE = "prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md";
/** The section the typists edit, and the passage the delegates comment on (another section, so typing never moves it). */
const TYPED_SECTION = "timeframe";
const COMMENTED = { sectionKey: "resources", blockId: "resources.should-8", quote: { exact: "resources required" } };
/** Signing in hashes a password (argon2): a few at a time, as people arrive. */
const SIGN_IN_CONCURRENCY = 4;
const CONNECT_BATCH = 25;
const DRAIN_TIMEOUT_MS = 20_000;

type Options = {
  seconds: number;
  watchers: number;
  commenters: number;
  typists: number;
  rate: number;
  commentEverySeconds: number;
};
type Fixture = {
  planId: string;
  dialogueId: string;
  sections: { id: string; key: string }[];
  watcherEmails: string[];
  commenterEmails: string[];
  typistEmails: string[];
};
/** A latency sample list and an error count for one kind of request we time ourselves. */
type Timed = { latencies: number[]; errors: number };

async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  await withBenchDatabase(async (prisma) => {
    const fixture = await prepareFixture(prisma, options);
    await ensureProductionBuild(log);
    log("starting next start and the collab server …");
    const stack = await serveProduction({
      databaseUrl: process.env.DATABASE_URL!,
      stdio: ["ignore", "ignore", "inherit"],
    });
    try {
      await runLoad({ stack, fixture, options, prisma });
    } finally {
      await stack.stop();
    }
  });
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "60" },
      watchers: { type: "string", default: "200" },
      commenters: { type: "string", default: "20" },
      typists: { type: "string", default: "3" },
      rate: { type: "string", default: "50" },
      "comment-every": { type: "string", default: "20" },
    },
  });
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
    return n;
  };
  return {
    seconds: positive("seconds", values.seconds),
    watchers: positive("watchers", values.watchers),
    commenters: positive("commenters", values.commenters),
    typists: positive("typists", values.typists),
    rate: positive("rate", values.rate),
    commentEverySeconds: positive("comment-every", values["comment-every"]),
  };
}

/** The 2009 dialogue and its seeded plan; watchers and commenters are delegates of the annex's delegations, typists facilitators. */
async function prepareFixture(prisma: PrismaClient, options: Options): Promise<Fixture> {
  log("importing the 2009 dialogue, seeding its plan and the accounts …");
  const input = await readDialogueFile(SEED_DIALOGUE);
  const { dialogueId } = await importDialogue({ prisma, ...input, sourceName: "seed.md" });
  const { planId } = await seedPlan({ dialogueId });
  const sections = await prisma.planSection.findMany({
    where: { planId },
    orderBy: { position: "asc" },
    select: { id: true, key: true },
  });
  const delegations = await prisma.delegation.findMany({
    where: { dialogueId },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = (kind: string, count: number) => Array.from({ length: count }, (_, n) => `${kind}-${n}@load.bench`);
  const watcherEmails = people("watcher", options.watchers);
  const commenterEmails = people("commenter", options.commenters);
  const typistEmails = people("typist", options.typists);
  const delegate = (email: string, n: number) => ({
    email,
    name: email.split("@")[0],
    role: "delegate" as const,
    passwordHash,
    delegationId: delegations[n % delegations.length].id,
  });
  await prisma.user.createMany({
    data: [
      ...watcherEmails.map(delegate),
      ...commenterEmails.map(delegate),
      ...typistEmails.map((email) => ({
        email,
        name: email.split("@")[0],
        role: "facilitator" as const,
        passwordHash,
      })),
      { email: "observer@load.bench", name: "Load observer", role: "observer", passwordHash },
    ],
  });
  return { planId, dialogueId, sections, watcherEmails, commenterEmails, typistEmails };
}

async function runLoad({
  stack,
  fixture,
  options,
  prisma,
}: {
  stack: ProductionStack;
  fixture: Fixture;
  options: Options;
  prisma: PrismaClient;
}): Promise<void> {
  log(`signing in ${options.watchers + options.commenters + options.typists + 1} people …`);
  const signIn = (emails: string[]) =>
    mapWithConcurrency(emails, SIGN_IN_CONCURRENCY, (email) => signInOverHttp(stack.baseUrl, email));
  const [observer] = await signIn(["observer@load.bench"]);
  const commenterSessions = await signIn(fixture.commenterEmails);
  const typistSessions = await signIn(fixture.typistEmails);
  const watcherSessions = await signIn(fixture.watcherEmails);

  const socketEvents = { closed: 0, authenticationFailed: 0 };
  const refetches: Timed = { latencies: [], errors: 0 };
  const visibility = new CommentVisibility(options.watchers);
  log(`connecting ${options.watchers} watchers to the plan's ${fixture.sections.length} sections …`);
  const watchers: Watcher[] = [];
  const connectStarted = performance.now();
  for (let from = 0; from < watcherSessions.length; from += CONNECT_BATCH) {
    const batch = watcherSessions
      .slice(from, from + CONNECT_BATCH)
      .map((session) => connectWatcher({ stack, fixture, session, socketEvents, refetches, visibility }));
    watchers.push(...batch);
    await withTimeout(Promise.all(batch.map((w) => w.synced)), 60_000, `watchers ${from}–${from + batch.length} sync`);
  }
  log(`  ${((performance.now() - connectStarted) / 1000).toFixed(1)} s; the typists …`);
  const typists = typistSessions.map((session) =>
    connectWatcher({
      stack,
      fixture,
      session,
      socketEvents,
      refetches: null,
      visibility: null,
      sectionKeys: [TYPED_SECTION],
      isEditor: true,
    }),
  );
  await withTimeout(Promise.all(typists.map((t) => t.synced)), 120_000, "the typists sync");
  log(`  ${((performance.now() - connectStarted) / 1000).toFixed(1)} s`);
  // Let the connection burst (awareness from every client to every client) die down.
  await sleep(2000);

  log("warming up the routes …");
  const routes = buildRoutes({ fixture, rate: options.rate });
  for (const route of routes) for (let n = 0; n < 3; n++) await (await observer.fetch(route.path)).arrayBuffer();

  const memoryAtStart = readServerMemory(stack);
  const peak = { app: memoryAtStart.app, collab: memoryAtStart.collab };
  // A reading every 15 s shows whether memory levels off (a heap sized to the load) or keeps climbing (a leak).
  const timeline: ServerMemory[] = [memoryAtStart];
  let tick = 0;
  const sampler = setInterval(() => {
    const now = readServerMemory(stack);
    peak.app = Math.max(peak.app, now.app);
    peak.collab = Math.max(peak.collab, now.collab);
    if (++tick % 15 === 0) timeline.push(now);
  }, 1000);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  log(
    `load for ${options.seconds} s: ${options.watchers} watchers, ${options.commenters} commenting, ${options.typists} typing, ${options.rate} req/s …`,
  );
  const typedDocs = typists.map((t) => t.docs.get(TYPED_SECTION)!);
  const watchingDocs = watchers.map((w) => w.docs.get(TYPED_SECTION)!);
  const keystrokes = trackKeystrokes({ clients: [...watchingDocs, ...typedDocs], typists: typedDocs });
  const startedAt = performance.now();
  const stopAt = startedAt + options.seconds * 1000;
  const posts: Timed = { latencies: [], errors: 0 };
  const [cannonResults] = await Promise.all([
    Promise.all(
      routes.map((route) =>
        fireAutocannon({ baseUrl: stack.baseUrl, cookie: observer.cookie, route, seconds: options.seconds }),
      ),
    ),
    Promise.all(
      commenterSessions.map((session, n) =>
        comment({
          session,
          planId: fixture.planId,
          stopAt,
          everySeconds: options.commentEverySeconds,
          seed: n + 1,
          posts,
          visibility,
        }),
      ),
    ),
    Promise.all(
      typedDocs.map((doc, n) =>
        typeLikeAHuman({
          doc,
          keystrokes: keystrokes.pending.get(doc.clientID)!,
          stopAt,
          cps: 5,
          waitingFor: watchingDocs.length + typedDocs.length - 1,
          seed: n + 1,
        }),
      ),
    ),
  ]);
  // Everyone stops at stopAt; a request still in flight then ends a little after.
  const elapsedSeconds = Math.max(options.seconds, (performance.now() - startedAt) / 1000);

  log("draining: every keystroke and comment to every watcher …");
  const typed = keystrokes.all();
  await waitFor(
    () => typed.every((k) => k.waitingFor === 0) && visibility.unseen() === 0,
    "every keystroke and comment reaches every watcher",
    DRAIN_TIMEOUT_MS,
  ).catch(() => {});
  loop.disable();
  clearInterval(sampler);
  const memoryAtEnd = readServerMemory(stack);
  const storedComments = await prisma.comment.count({ where: { thread: { planId: fixture.planId } } });
  for (const client of [...watchers, ...typists]) client.close();

  printReport({
    options,
    elapsedSeconds,
    cannonResults,
    posts,
    refetches,
    visibility,
    socketEvents,
    storedComments,
    keystrokeLatencies: keystrokes.latencies,
    undeliveredKeystrokes: typed.filter((k) => k.waitingFor > 0).length,
    typedKeystrokes: typed.length,
    memory: { start: memoryAtStart, end: memoryAtEnd, peak, timeline },
    clientLoopP99Ms: loop.percentile(99) / 1e6,
  });
}

// ── HTTP load ───────────────────────────────────────────────────────────────

type Route = { name: string; path: string; rate: number };

/** The four read routes, the rate split evenly (the remainder to the first ones). */
function buildRoutes({ fixture, rate }: { fixture: Fixture; rate: number }): Route[] {
  const paths = [
    { name: "GET reader", path: `/dialogues/${fixture.dialogueId}` },
    { name: "GET plan", path: `/plans/${fixture.planId}` },
    { name: "GET coverage", path: `/plans/${fixture.planId}/coverage` },
    { name: "GET comment API", path: `/api/plans/${fixture.planId}/threads?section=${COMMENTED.sectionKey}` },
  ];
  return paths.map((route, n) => ({
    ...route,
    rate: Math.floor(rate / paths.length) + (n < rate % paths.length ? 1 : 0),
  }));
}

/** One route at a fixed rate for `seconds`; latencies corrected for coordinated omission (autocannon's default). */
function fireAutocannon({
  baseUrl,
  cookie,
  route,
  seconds,
}: {
  baseUrl: string;
  cookie: string;
  route: Route;
  seconds: number;
}): Promise<{ route: Route; result: autocannon.Result }> {
  return new Promise((resolve, reject) => {
    autocannon(
      // Enough connections that one slow response does not hold back the rate.
      // Browsers ask for gzip, and Next compresses: that work is part of serving a page.
      {
        url: `${baseUrl}${route.path}`,
        headers: { cookie, "accept-encoding": "gzip" },
        connections: Math.max(4, route.rate),
        overallRate: route.rate,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve({ route, result })),
    );
  });
}

// ── Commenting ──────────────────────────────────────────────────────────────

/** One delegate: opens a thread, then replies in it every ~`everySeconds` (±50 %) until `stopAt`. */
async function comment({
  session,
  planId,
  stopAt,
  everySeconds,
  seed,
  posts,
  visibility,
}: {
  session: HttpSession;
  planId: string;
  stopAt: number;
  everySeconds: number;
  seed: number;
  posts: Timed;
  visibility: CommentVisibility;
}): Promise<void> {
  const random = seededRandom(seed);
  // Spread the first comments over one interval, as people do not all type at once.
  await sleep(random() * everySeconds * 1000);
  let threadId: string | null = null;
  for (let n = 0; performance.now() < stopAt; n++) {
    const body = `Comment ${n} from ${session.cookie.length % 97}-${seed}: we would add a reference to the resources needed.`;
    const started = performance.now();
    const response = threadId
      ? await postJson(session, `/api/plans/${planId}/threads/${threadId}/comments`, { body }).catch(() => null)
      : await postJson(session, `/api/plans/${planId}/threads`, { ...COMMENTED, stance: "support", body }).catch(
          () => null,
        );
    if (response?.status === 201) {
      posts.latencies.push(performance.now() - started);
      const created = (await response.json()) as { id: string; commentId?: string };
      threadId ??= created.id;
      visibility.posted(created.commentId ?? created.id, started);
    } else {
      posts.errors++;
    }
    await sleep(Math.min(everySeconds * 1000 * (0.5 + random()), Math.max(0, stopAt - performance.now())));
  }
}

function postJson(session: HttpSession, path: string, body: unknown): Promise<Response> {
  return session.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * When each comment became visible to every watcher: the time from its POST
 * until the last watcher's refetch returned it. A refetch can land before the
 * POST's own response does (the notice goes out on commit), so sightings are
 * counted by comment id whichever comes first.
 */
class CommentVisibility {
  private comments = new Map<string, { postedAt?: number; seenBy: number; lastSeenAt: number }>();
  constructor(private watcherCount: number) {}

  posted(commentId: string, at: number): void {
    this.entry(commentId).postedAt = at;
  }

  seen(commentId: string): void {
    const entry = this.entry(commentId);
    entry.seenBy++;
    entry.lastSeenAt = performance.now();
  }

  /** Posted comments some watcher has not seen yet. */
  unseen(): number {
    return [...this.comments.values()].filter((c) => c.postedAt !== undefined && c.seenBy < this.watcherCount).length;
  }

  latencies(): number[] {
    return [...this.comments.values()]
      .filter((c) => c.postedAt !== undefined && c.seenBy >= this.watcherCount)
      .map((c) => c.lastSeenAt - c.postedAt!);
  }

  private entry(commentId: string) {
    let entry = this.comments.get(commentId);
    if (!entry) this.comments.set(commentId, (entry = { seenBy: 0, lastSeenAt: 0 }));
    return entry;
  }
}

// ── Watchers ────────────────────────────────────────────────────────────────

type Watcher = { docs: Map<string, Y.Doc>; synced: Promise<unknown>; close: () => void };

/**
 * A plan page's live connections: one socket, one provider per section, a
 * token from /api/collab/token, and — as components/comments/use-threads.ts
 * does — the threads each "threads-changed" pushes, or a fetch when it has none.
 */
function connectWatcher({
  stack,
  fixture,
  session,
  socketEvents,
  refetches,
  visibility,
  sectionKeys,
  isEditor = false,
}: {
  stack: ProductionStack;
  fixture: Fixture;
  session: HttpSession;
  socketEvents: { closed: number; authenticationFailed: number };
  refetches: Timed | null;
  visibility: CommentVisibility | null;
  sectionKeys?: string[];
  isEditor?: boolean;
}): Watcher {
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${stack.collabPort}`,
    WebSocketPolyfill: WebSocket,
  });
  let isClosing = false;
  socket.on("close", () => void (isClosing || socketEvents.closed++));
  const getToken = createTokenSource(async () => {
    const response = await session.fetch("/api/collab/token", { method: "POST" });
    if (!response.ok) throw new Error(`token refused (${response.status})`);
    return (await response.json()) as CollabTokenBody;
  });
  const seenComments = new Set<string>();
  const refetch = async (sectionKey: string) => {
    if (!refetches || !visibility) return;
    const started = performance.now();
    const response = await session
      .fetch(`/api/plans/${fixture.planId}/threads?section=${sectionKey}`, { headers: { "accept-encoding": "gzip" } })
      .catch(() => null);
    if (response?.status !== 200) return void refetches.errors++;
    const threads = (await response.json()) as { comments: { id: string }[] }[];
    refetches.latencies.push(performance.now() - started);
    noteSeen(threads);
  };
  const noteSeen = (threads: { comments: { id: string }[] }[]) => {
    if (!visibility) return;
    for (const comment of threads.flatMap((t) => t.comments)) {
      if (seenComments.has(comment.id)) continue;
      seenComments.add(comment.id);
      visibility.seen(comment.id);
    }
  };
  const docs = new Map<string, Y.Doc>();
  const providers = fixture.sections
    .filter((section) => !sectionKeys || sectionKeys.includes(section.key))
    .map((section) => {
      const doc = new Y.Doc();
      docs.set(section.key, doc);
      let resolveSynced!: () => void;
      const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: sectionDocumentName({ planId: fixture.planId, sectionId: section.id }),
        document: doc,
        token: getToken,
        onSynced: () => resolveSynced(),
        onAuthenticationFailed: () => void socketEvents.authenticationFailed++,
        onStateless: ({ payload }) => {
          const notice = JSON.parse(payload) as { type?: string; threads?: { comments: { id: string }[] }[] };
          if (notice.type !== "threads-changed") return;
          // As the page does: take the pushed list, or fetch it when the notice came bare (components/comments/use-threads.ts).
          if (notice.threads) noteSeen(notice.threads);
          else void refetch(section.key);
        },
      });
      // As the page does for readers (components/editor/section-editor.tsx): no presence of their own.
      if (!isEditor) provider.awareness?.setLocalState(null);
      provider.attach();
      return { provider, synced };
    });
  return {
    docs,
    synced: Promise.all(providers.map((p) => p.synced)),
    close: () => {
      isClosing = true;
      for (const { provider } of providers) provider.destroy();
      socket.destroy();
    },
  };
}

// ── Memory ──────────────────────────────────────────────────────────────────

type ServerMemory = { app: number; collab: number };

/** RSS of `next start` and of the collab server, each with its child processes. */
function readServerMemory(stack: ProductionStack): ServerMemory {
  return { app: readTreeRss(stack.app.pid!), collab: readTreeRss(stack.collab.pid!) };
}

// ── Report ──────────────────────────────────────────────────────────────────

type Report = {
  options: Options;
  elapsedSeconds: number;
  cannonResults: { route: Route; result: autocannon.Result }[];
  posts: Timed;
  refetches: Timed;
  visibility: CommentVisibility;
  socketEvents: { closed: number; authenticationFailed: number };
  storedComments: number;
  keystrokeLatencies: number[];
  undeliveredKeystrokes: number;
  typedKeystrokes: number;
  memory: { start: ServerMemory; end: ServerMemory; peak: ServerMemory; timeline: ServerMemory[] };
  clientLoopP99Ms: number;
};

function printReport(report: Report): void {
  const { options, elapsedSeconds, cannonResults, posts, refetches, visibility, socketEvents, memory } = report;
  const cpuList = cpus();
  console.log(
    `Node ${process.version}, ${cpuList.length} × ${cpuList[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; servers and load on one machine, over loopback`,
  );
  console.log(
    `${options.seconds} s: ${options.watchers} watchers on ${options.watchers} sockets, ${options.commenters} commenting (~1 per ${options.commentEverySeconds} s each), ${options.typists} typing (~5 keys/s), ${options.rate} req/s by autocannon\n`,
  );

  const rows: string[][] = [["route", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"]];
  for (const { route, result } of cannonResults) {
    const errors = result.errors + result.non2xx;
    rows.push([
      `${route.name} (${route.rate}/s)`,
      String(result.requests.total),
      (result.requests.total / elapsedSeconds).toFixed(1),
      ...[result.latency.p50, result.latency.p90, result.latency.p99, result.latency.max].map(formatMs),
      String(errors),
    ]);
  }
  for (const [name, timed] of [
    ["POST comment (delegates)", posts],
    ["GET threads on a bare notice (watchers)", refetches],
  ] as const) {
    const cells = timed.latencies.length
      ? [
          ...[50, 90, 99].map((p) => formatMs(findPercentile(timed.latencies, p))),
          formatMs(Math.max(...timed.latencies)),
        ]
      : ["–", "–", "–", "–"];
    rows.push([
      name,
      String(timed.latencies.length + timed.errors),
      (timed.latencies.length / elapsedSeconds).toFixed(1),
      ...cells,
      String(timed.errors),
    ]);
  }
  printTable(rows);

  const httpRequests =
    cannonResults.reduce((sum, { result }) => sum + result.requests.total, 0) +
    posts.latencies.length +
    refetches.latencies.length;
  const throughput = httpRequests / elapsedSeconds;
  const commentLatencies = visibility.latencies();
  const keystrokes = report.keystrokeLatencies;
  console.log();
  console.log(`HTTP throughput: ${throughput.toFixed(1)} req/s (${httpRequests} requests)`);
  console.log(
    `keystroke → all ${options.watchers} watchers: ${keystrokes.length} of ${report.typedKeystrokes}, p50 ${formatMs(findPercentile(keystrokes, 50))} ms, p99 ${formatMs(findPercentile(keystrokes, 99))} ms`,
  );
  console.log(
    `comment → visible to all ${options.watchers} watchers (pushed, or fetched on a bare notice): ${commentLatencies.length} of ${posts.latencies.length}, p50 ${formatMs(findPercentile(commentLatencies, 50))} ms, p99 ${formatMs(findPercentile(commentLatencies, 99))} ms`,
  );
  console.log(`comments stored: ${report.storedComments} (posted ${posts.latencies.length})`);

  const errors = {
    "HTTP errors and non-2xx (autocannon)": cannonResults.reduce(
      (sum, { result }) => sum + result.errors + result.non2xx,
      0,
    ),
    "failed comment posts": posts.errors,
    "failed refetches": refetches.errors,
    "sockets closed by the server": socketEvents.closed,
    "authentications refused": socketEvents.authenticationFailed,
    "keystrokes not delivered to every watcher": report.undeliveredKeystrokes,
    "comments not visible to every watcher": visibility.unseen(),
    "comments posted but not stored": Math.max(0, posts.latencies.length - report.storedComments),
  };
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  console.log(
    `errors: ${errorCount}${
      errorCount
        ? ` (${Object.entries(errors)
            .filter(([, n]) => n)
            .map(([what, n]) => `${what}: ${n}`)
            .join("; ")})`
        : ""
    }`,
  );
  const megabytes = (bytes: number) => bytes / 2 ** 20;
  console.log(
    `server RSS MB, start → end (peak): next start ${megabytes(memory.start.app).toFixed(0)} → ${megabytes(memory.end.app).toFixed(0)} (${megabytes(memory.peak.app).toFixed(0)}); collab ${megabytes(memory.start.collab).toFixed(0)} → ${megabytes(memory.end.collab).toFixed(0)} (${megabytes(memory.peak.collab).toFixed(0)})`,
  );
  console.log(
    `server RSS MB every 15 s: next start ${memory.timeline.map((m) => megabytes(m.app).toFixed(0)).join(", ")}; collab ${memory.timeline.map((m) => megabytes(m.collab).toFixed(0)).join(", ")}`,
  );
  console.log(
    `load generator event-loop delay p99: ${formatMs(report.clientLoopP99Ms)} ms (a high figure inflates every latency above)`,
  );

  reportFigure({
    name: "load errors (HTTP, sockets, undelivered, lost)",
    value: errorCount,
    unit: "",
    target: "= 0",
    isMet: errorCount === 0,
  });
  reportFigure({ name: "load HTTP throughput (all requests)", value: throughput, unit: "req/s" });
  // autocannon waits for each response before a connection sends again: a server that cannot keep up gets less than the rate asked.
  const sustained = cannonResults.reduce((sum, { result }) => sum + result.requests.total, 0) / elapsedSeconds;
  reportFigure({
    name: "load page and API rate sustained",
    value: sustained,
    unit: "req/s",
    target: `≥ ${options.rate} req/s`,
    isMet: sustained >= options.rate * 0.98,
  });
  for (const { route, result } of cannonResults)
    reportFigure({
      name: `load ${route.name} p99 (p50)`,
      value: result.latency.p99,
      unit: `ms (${formatMs(result.latency.p50)} ms)`,
    });
  reportFigure({ name: "load POST comment p99", value: findPercentile(posts.latencies, 99), unit: "ms" });
  reportFigure({
    name: `load keystroke → ${options.watchers} watchers p99`,
    value: findPercentile(keystrokes, 99),
    unit: "ms",
  });
  reportUpperBound({
    name: `load comment → visible to ${options.watchers} watchers p99`,
    value: findPercentile(commentLatencies, 99),
    unit: "ms",
    limit: 250,
  });
  reportFigure({
    name: "load next start RSS start → end",
    value: megabytes(memory.end.app),
    unit: `MB (from ${megabytes(memory.start.app).toFixed(0)})`,
  });
  reportFigure({
    name: "load collab RSS start → end",
    value: megabytes(memory.end.collab),
    unit: `MB (from ${megabytes(memory.start.collab).toFixed(0)})`,
  });
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join("  "),
    );
    if (i === 0) console.log(widths.map((w) => "─".repeat(w)).join("  "));
  }
}

async function mapWithConcurrency<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
