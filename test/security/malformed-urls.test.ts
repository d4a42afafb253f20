/**
 * Malformed URLs against `next start`: a path segment that does not decode
 * (`%ff`, `%E0%A4%A`, `%u0000`) or decodes to NUL (`%00`, which PostgreSQL
 * text cannot hold) must name nothing — 400 or 404, with the app's own
 * not-found page for pages — and never a 500 or a stack trace. Every dynamic
 * segment of every page and route handler under app/ is tried, with each
 * method the route exports, anonymously and signed in, so a route added
 * later is covered without touching this file.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "@/test/support/accounts";
import { findUser } from "@/test/support/factories";
import { MALFORMED_SEGMENTS, UNDECODABLE_SEGMENTS } from "@/test/support/hostile-urls";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { setUpServedApp } from "@/test/support/served-app";

// Malformed URLs change nothing, so the demo plan serves as the real plan id.
const { baseUrl, hasServer, demoPlanId, sessions } = setUpServedApp({ accounts: ["admin"] });

/** A page or route handler: its URL segments as in app/ ("[id]" for a dynamic one) and the methods it answers. */
type AppRoute = { segments: string[]; methods: string[]; isPage: boolean };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** What app/not-found.tsx says. */
const NOT_FOUND_TEXT = "There is nothing at this address";
/** A stack frame ("at fn (file.js:1:2)") or a path on the server (public /_next/static chunk names are fine). */
const LEAK = new RegExp(
  String.raw`\bat (async )?\S+ \(\S+:\d+:\d+\)|\bat \S+:\d+:\d+|node_modules|\.next/server|` +
    escapeRegExp(process.cwd()),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every page.tsx and route.ts under app/, with the methods a route handler exports. */
function findAppRoutes(dir = "app", segments: string[] = []): AppRoute[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): AppRoute[] => {
    const file = path.join(dir, entry.name);
    // A private folder "_name" holds no routes; a route group "(name)" adds no URL segment.
    if (entry.isDirectory() && entry.name.startsWith("_")) return [];
    if (entry.isDirectory())
      return findAppRoutes(file, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
    if (/^page\.tsx?$/.test(entry.name)) return [{ segments, methods: ["GET"], isPage: true }];
    if (/^route\.tsx?$/.test(entry.name))
      return [{ segments, methods: exportedMethods(readFileSync(file, "utf8")), isPage: false }];
    return [];
  });
}

function exportedMethods(source: string): string[] {
  const exports = source
    .split("\n")
    .filter((line) => line.startsWith("export "))
    .join(" ");
  return METHODS.filter((method) => new RegExp(`\\b${method}\\b`).test(exports));
}

const DYNAMIC_ROUTES = findAppRoutes().filter((route) => route.segments.some(isDynamic));

function isDynamic(segment: string): boolean {
  return /^\[.+\]$/.test(segment);
}

/** Real ids by the static segment before them, so the malformed one is the only thing wrong with the URL. */
let realIds: Record<string, string> = {};

beforeAll(async () => {
  if (!hasServer) return;
  realIds = { plans: demoPlanId, dialogues: SEED_DIALOGUE_ID, users: (await findUser(ACCOUNTS.observer)).id };
});

/** The route's URL with `payload` in its `index`th segment and real (or plausible) ids in the other dynamic ones. */
function buildPath(route: AppRoute, index: number, payload: string): string {
  const parts = route.segments.map((segment, i) => {
    if (i === index) return payload;
    return isDynamic(segment) ? (realIds[route.segments[i - 1]] ?? "x") : segment;
  });
  return `/${parts.join("/")}`;
}

/** A signed-in prefetch, through Next's redirect that adds the `_rsc` cache key to an RSC request. */
async function prefetch(url: string, headers: Record<string, string>): Promise<Response> {
  const response = await sessions.admin.fetch(url, { headers });
  const location = response.headers.get("location");
  const isCacheKeyRedirect =
    response.status === 307 && location !== null && new URL(location, baseUrl).searchParams.has("_rsc");
  return isCacheKeyRedirect ? sessions.admin.fetch(location, { headers }) : response;
}

/** Who asks: anonymous or signed in. */
type Who = { name: string; send: (path: string, init: RequestInit) => Promise<Response> };

/** Everything wrong with one request's answer, or nothing. */
async function findProblems(route: AppRoute, url: string, method: string, who: Who): Promise<string[]> {
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
  const response = await who.send(url, {
    method,
    ...(hasBody ? { headers: { "content-type": "application/json" }, body: "{}" } : {}),
  });
  const body = await response.text();
  const label = `${method} ${url} (${who.name})`;
  const problems: string[] = [];
  if (response.status !== 400 && response.status !== 404)
    problems.push(`${label}: ${response.status} ${body.slice(0, 120)}`);
  if (LEAK.test(body)) problems.push(`${label}: the body leaks ${LEAK.exec(body)![0]}`);
  if (route.isPage && !body.includes(NOT_FOUND_TEXT)) problems.push(`${label}: not the app's not-found page`);
  return problems;
}

describe.skipIf(!hasServer)("malformed URLs name nothing", () => {
  it("finds the dynamic routes to attack", () => {
    const paths = DYNAMIC_ROUTES.map((route) => `/${route.segments.join("/")}`);
    expect(paths).toContain("/dialogues/[id]");
    expect(paths).toContain("/api/plans/[id]/threads/[threadId]/comments/[commentId]");
    expect(paths).toContain("/api/auth/[...nextauth]");
  });

  it.each(DYNAMIC_ROUTES.map((route) => [`/${route.segments.join("/")}`, route] as const))(
    "%s: 400 or 404 for each malformed segment, anonymous and signed in, never a 500 or a stack trace",
    async (_name, route) => {
      const anonymous: Who = {
        name: "anonymous",
        send: (url, init) => fetch(`${baseUrl}${url}`, { ...init, redirect: "manual" }),
      };
      const signedIn: Who = { name: "admin", send: sessions.admin.fetch };
      const problems: string[] = [];
      for (const [index, segment] of route.segments.entries()) {
        if (!isDynamic(segment)) continue;
        for (const payload of MALFORMED_SEGMENTS) {
          for (const method of route.methods) {
            const url = buildPath(route, index, payload);
            problems.push(
              ...(await findProblems(route, url, method, anonymous)),
              ...(await findProblems(route, url, method, signedIn)),
            );
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("answers a link prefetch of a malformed page address without a 500 (the proxy used to skip prefetches)", async () => {
    const prefetches: Record<string, string>[] = [{ "next-router-prefetch": "1", rsc: "1" }, { purpose: "prefetch" }];
    for (const headers of prefetches) {
      for (const payload of MALFORMED_SEGMENTS) {
        const label = `${JSON.stringify(headers)} /plans/${payload}`;
        const response = await prefetch(`/plans/${payload}`, headers);
        // A prefetch of an address that decodes only fetches the route tree (200, nothing rendered, as for any unknown id).
        if (UNDECODABLE_SEGMENTS.includes(payload)) expect(response.status, label).toBe(404);
        else expect(response.status, label).toBeLessThan(500);
        expect(await response.text(), label).not.toMatch(LEAK);
      }
    }
  });
});
