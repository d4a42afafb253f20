/**
 * Property-based fuzzing of every mutating route handler (the app has no
 * server actions: `grep -r "use server"` finds none) against `next start`.
 * Random, wrongly typed, oversized, deeply nested, control-character and
 * prototype-pollution bodies, non-JSON content types and random path ids
 * must never give a 500 and never write a row. Only invalid input is
 * generated — every body is checked against the route's own zod schema and
 * dropped if it would pass — so any write is a bug.
 * On failure fast-check prints the seed and the shrunk counterexample.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZProposeAmendment, ZDecideAmendment } from "@/lib/amendments/schemas";
import { ZSpeakerFamilyName } from "@/lib/dialogue/set-speaker-family-name";
import { ZCreateThread, ZReply, ZThreadStatus } from "@/lib/comments/schemas";
import { ZAddressConcern, ZMarkThreadAsConcern, ZNoteConcern } from "@/lib/concerns/schemas";
import { getPrisma } from "@/lib/db";
import { ZBreakSilence, ZStartSilence } from "@/lib/negotiation/silence-schemas";
import { ZIssueRevision, ZSetDeadlines } from "@/lib/negotiation/schemas";
import { ZMarkRead } from "@/lib/notifications/schemas";
import { ZSetParagraphStatus } from "@/lib/plan/set-paragraph-status";
import { ZResetPlan } from "@/lib/plan/reset-plan";
import { ZSetSponsors } from "@/lib/plan/sponsor-schemas";
import { ZAddSection, ZChangeSection, ZRemoveSection, ZRetitlePlan } from "@/lib/plan/structure/schemas";
import { ZCiteSource } from "@/lib/provenance/cite-source";
import { ZDecideLink } from "@/lib/provenance/decide-link";
import { ZExclusion, ZExclusionTarget } from "@/lib/provenance/exclude-from-coverage";
import { ZLinkSuggestedSource } from "@/lib/provenance/link-suggested-source";
import { ZAcceptInvite, ZCreateInvite, ZResetPassword, ZUpdateUser } from "@/lib/users/schemas";
import { createVersion } from "@/lib/versions/create-version";
import { ZCreateVersion, ZRestoreVersion } from "@/lib/versions/schemas";
import { ACCOUNTS } from "@/test/support/accounts";
import { createAmendment, createPlan, createThread, findUser } from "@/test/support/factories";
import { countRows } from "@/test/support/row-counts";
import { setUpServedApp } from "@/test/support/served-app";

const { hasServer, sessions } = setUpServedApp({ accounts: ["admin", "facilitator", "delegate"] });
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** readJson's default limit (lib/http/respond.ts). */
const BODY_LIMIT = 64 * 1024;

type Role = "admin" | "facilitator" | "delegate";
type Ids = {
  plan: string;
  thread: string;
  comment: string;
  amendment: string;
  concern: string;
  link: string;
  section: string;
  user: string;
  invite: string;
};
/** A mutating route: its method, its path from real ids, and the schema its body must fail (none: the route reads no body). */
type Route = {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: (ids: Ids) => string;
  schema?: z.ZodType;
  roles: Role[];
};

const ROUTES: Route[] = [
  { method: "POST", path: () => "/api/admin/invites", schema: ZCreateInvite, roles: ["admin"] },
  { method: "DELETE", path: (i) => `/api/admin/invites/${i.invite}`, roles: [] },
  { method: "PATCH", path: (i) => `/api/admin/users/${i.user}`, schema: ZUpdateUser, roles: ["admin"] },
  { method: "POST", path: (i) => `/api/admin/users/${i.user}/password-reset`, roles: [] },
  { method: "POST", path: () => "/api/collab/token", roles: [] },
  // Not JSON: a Markdown file, fuzzed in test/e2e/dialogues-api.test.ts's refusals; here, random ids.
  { method: "POST", path: () => "/api/dialogues", roles: [] },
  { method: "POST", path: (i) => `/api/dialogues/${i.plan}/plan`, roles: [] },
  { method: "DELETE", path: (i) => `/api/dialogues/${i.plan}`, roles: [] },
  {
    method: "PATCH",
    path: (i) => `/api/dialogues/${i.plan}/speakers/${i.user}`,
    schema: ZSpeakerFamilyName,
    roles: ["admin"],
  },
  { method: "POST", path: () => "/api/invites/accept", schema: ZAcceptInvite, roles: ["delegate"] },
  { method: "POST", path: () => "/api/notifications/read", schema: ZMarkRead, roles: ["delegate"] },
  { method: "POST", path: () => "/api/password-reset", schema: ZResetPassword, roles: ["delegate"] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/amendments`, schema: ZProposeAmendment, roles: ["delegate"] },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/amendments/${i.amendment}/decision`,
    schema: ZDecideAmendment,
    roles: ["facilitator"],
  },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/amendments/${i.amendment}/sponsors`, roles: [] },
  { method: "DELETE", path: (i) => `/api/plans/${i.plan}/amendments/${i.amendment}/sponsors`, roles: [] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/amendments/${i.amendment}/withdraw`, roles: [] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/citations`, schema: ZCiteSource, roles: ["facilitator"] },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/concerns`,
    schema: ZMarkThreadAsConcern,
    roles: ["facilitator"],
  },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/concerns/${i.concern}/address`,
    schema: ZAddressConcern,
    roles: ["facilitator"],
  },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/concerns/${i.concern}/note`,
    schema: ZNoteConcern,
    roles: ["facilitator"],
  },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/concerns/${i.concern}/reopen`, roles: [] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/exclusions`, schema: ZExclusion, roles: ["facilitator"] },
  {
    method: "DELETE",
    path: (i) => `/api/plans/${i.plan}/exclusions`,
    schema: ZExclusionTarget,
    roles: ["facilitator"],
  },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/links`, schema: ZLinkSuggestedSource, roles: ["facilitator"] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/links/${i.link}`, schema: ZDecideLink, roles: ["facilitator"] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/reset`, schema: ZResetPlan, roles: ["admin"] },
  { method: "PATCH", path: (i) => `/api/plans/${i.plan}`, schema: ZRetitlePlan, roles: ["facilitator"] },
  { method: "PUT", path: (i) => `/api/plans/${i.plan}/sponsors`, schema: ZSetSponsors, roles: ["facilitator"] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/sections`, schema: ZAddSection, roles: ["facilitator"] },
  {
    method: "PATCH",
    path: (i) => `/api/plans/${i.plan}/sections/${i.section}`,
    schema: ZChangeSection,
    roles: ["facilitator"],
  },
  {
    method: "DELETE",
    path: (i) => `/api/plans/${i.plan}/sections/${i.section}`,
    schema: ZRemoveSection,
    roles: ["facilitator"],
  },
  {
    // The body is refused before the paragraph is looked up, so any block id will do.
    method: "PUT",
    path: (i) => `/api/plans/${i.plan}/sections/${i.section}/paragraphs/b-fuzz/status`,
    schema: ZSetParagraphStatus,
    roles: ["facilitator"],
  },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/threads`,
    schema: ZCreateThread,
    roles: ["delegate", "facilitator"],
  },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/threads/${i.thread}/comments`,
    schema: ZReply,
    roles: ["delegate"],
  },
  {
    method: "PATCH",
    path: (i) => `/api/plans/${i.plan}/threads/${i.thread}/comments/${i.comment}`,
    schema: ZReply,
    roles: ["delegate"],
  },
  { method: "DELETE", path: (i) => `/api/plans/${i.plan}/threads/${i.thread}/comments/${i.comment}`, roles: [] },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/threads/${i.thread}/status`,
    schema: ZThreadStatus,
    roles: ["delegate"],
  },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/versions`, schema: ZCreateVersion, roles: ["facilitator"] },
  {
    method: "POST",
    path: (i) => `/api/plans/${i.plan}/versions/restore`,
    schema: ZRestoreVersion,
    roles: ["facilitator"],
  },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/silence`, schema: ZStartSilence, roles: ["facilitator"] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/silence/break`, schema: ZBreakSilence, roles: ["delegate"] },
  { method: "POST", path: (i) => `/api/plans/${i.plan}/rounds`, schema: ZIssueRevision, roles: ["facilitator"] },
  {
    method: "PATCH",
    path: (i) => `/api/plans/${i.plan}/rounds/current`,
    schema: ZSetDeadlines,
    roles: ["facilitator"],
  },
];

// Keys that have polluted prototypes elsewhere, and names near the real fields.
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then"];
const weirdString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e\u200b",
    "\ud800",
    '\'; DROP TABLE "User";--',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "null",
    "RESET ",
    "NaN",
  ),
  fc.integer({ min: 70_000, max: 200_000 }).map((n) => "x".repeat(n)),
);
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) },
  { weight: 2, arbitrary: weirdString },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, true, null, [], {}) },
);

/** The field names a schema knows (zod 4 objects, refined objects and unions), so values land on real fields. */
function fieldNames(schema: z.ZodType | undefined): string[] {
  const def = (schema as unknown as { def?: { shape?: object; options?: z.ZodType[]; in?: z.ZodType } } | undefined)
    ?.def;
  if (!def) return [];
  if (def.shape) return Object.keys(def.shape);
  if (def.options) return def.options.flatMap(fieldNames);
  if (def.in) return fieldNames(def.in);
  return [];
}

/** A JSON text the route must refuse: wrong types on real fields, stray keys, non-objects, deep nesting. */
function invalidJson(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const names = [...fieldNames(schema), ...HOSTILE_KEYS];
  const key = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 20 }));
  const object = fc.dictionary(key, weirdValue, { maxKeys: 8 }).map((o) => JSON.stringify(o));
  // JSON.stringify drops a literal __proto__ own key, so pollution is also sent as raw text.
  const pollution = fc
    .tuple(fc.constantFrom("__proto__", "constructor"), weirdValue)
    .map(([k, v]) => `{"${k}":{"isAdmin":true,"role":"admin","polluted":${JSON.stringify(v ?? null) ?? "null"}}}`);
  const nested = fc.integer({ min: 100, max: 5_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth));
  const nestedObject = fc
    .integer({ min: 100, max: 3_000 })
    .map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth));
  const notObject = weirdValue.map((v) => JSON.stringify(v) ?? "undefined");
  const notJson = fc.oneof(
    fc.string({ unit: "binary", maxLength: 100 }),
    fc.constantFrom("{", "{'a':1}", "[1,]", "\u0000", "undefined"),
  );
  return fc.oneof(object, object, pollution, nested, nestedObject, notObject, notJson).filter((text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return true;
    }
    // A valid body would write: only invalid ones are sent.
    return !schema || !schema.safeParse(value).success;
  });
}

/** A request that must be refused before anything is read into the database. */
const hostileRequest = (schema: z.ZodType | undefined) =>
  fc.oneof(
    { weight: 6, arbitrary: invalidJson(schema).map((body) => ({ contentType: "application/json", body })) },
    {
      weight: 1,
      arbitrary: fc.record({
        contentType: fc.constantFrom(
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "",
          "application/jsonx",
          "text/json",
        ),
        body: fc.constantFrom("a=1", '{"body":"hi"}', "--x--"),
      }),
    },
    // Beyond the limit: 413, never read whole.
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: BODY_LIMIT + 1, max: 4 * BODY_LIMIT })
        .map((n) => ({ contentType: "application/json", body: `{"body":"${"a".repeat(n)}"}` })),
    },
  );

const randomId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.uuid(),
  fc.constantFrom(
    "..",
    "%2e%2e",
    "null",
    "undefined",
    "0",
    "-1",
    "__proto__",
    "constructor",
    "%00",
    "a".repeat(2000),
    "'%20OR%201=1",
  ),
);

let ids: Ids;
/** A real version of the fuzzed plan, for the GET routes under it (the compilation of proposals). */
let versionId = "no-version";

beforeAll(async () => {
  if (!hasServer) return;
  const prisma = getPrisma();
  // Real rows behind the sub-ids, on a plan of the file's own, so fuzzed bodies reach the code past "not found".
  const { id: planId } = await createPlan();
  const delegate = await findUser(ACCOUNTS.delegate);
  const thread = await createThread({ actor: delegate, planId, body: "Fuzz target." });
  const amendment = await createAmendment({ actor: delegate, planId, rationale: "Fuzz target." });
  const invite = await sessions.admin.fetch("/api/admin/invites", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "fuzz.target@demo.local", role: "observer" }),
  });
  expect(invite.status).toBe(201);
  ids = {
    plan: planId,
    thread: thread.id,
    comment: thread.commentId,
    amendment: amendment.id,
    concern: (await prisma.concern.findFirst({ where: { planId } }))?.id ?? "no-concern",
    link: (await prisma.provenanceLink.findFirst({ where: { planId } }))?.id ?? "no-link",
    section: (await prisma.planSection.findFirst({ where: { planId } }))?.id ?? "no-section",
    user: (await findUser(ACCOUNTS.observer)).id,
    invite: ((await invite.json()) as { id: string }).id,
  };
  const version = await createVersion({
    actor: await findUser(ACCOUNTS.facilitator),
    planId,
    input: ZCreateVersion.parse({ label: "Fuzz target" }),
  });
  versionId = version.id;
});

describe.skipIf(!hasServer)("hostile bodies on every mutating route", () => {
  for (const route of ROUTES.filter((r) => r.roles.length > 0)) {
    it(`${route.method} ${route.path({ plan: "[id]", thread: "[threadId]", comment: "[commentId]", amendment: "[amendmentId]", concern: "[concernId]", link: "[linkId]", section: "[sectionId]", user: "[id]", invite: "[id]" })}`, async () => {
      const before = await countRows(getPrisma());
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...route.roles),
          hostileRequest(route.schema),
          async (role, { contentType, body }) => {
            const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
            const response = await sessions[role].fetch(route.path(ids), { method: route.method, headers, body });
            await response.arrayBuffer();
            expect(response.status, `${role}: ${body.slice(0, 200)}`).toBeLessThan(500);
            expect(response.status).toBeGreaterThanOrEqual(400);
            if (body.length > BODY_LIMIT && contentType === "application/json") expect(response.status).toBe(413);
          },
        ),
        { numRuns: NUM_RUNS, verbose: 1 },
      );
      expect(await countRows(getPrisma())).toEqual(before);
    });
  }
});

describe.skipIf(!hasServer)("random path ids on every mutating route", () => {
  it("never 500 and never write, for any role, with or without a body", async () => {
    const before = await countRows(getPrisma());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ...ROUTES.filter(
            (r) => r.path(ids).includes(ids.plan) || r.path(ids).includes(ids.user) || r.path(ids).includes(ids.invite),
          ),
        ),
        fc.record({
          plan: randomId,
          thread: randomId,
          comment: randomId,
          amendment: randomId,
          concern: randomId,
          link: randomId,
          section: randomId,
          user: randomId,
          invite: randomId,
        }),
        fc.boolean(),
        fc.constantFrom<Role>("admin", "facilitator", "delegate"),
        async (route, randomIds, isRealPlan, role) => {
          // Either every id is random, or the plan is real and the sub-ids are random.
          const path = route.path(isRealPlan ? { ...randomIds, plan: ids.plan } : randomIds);
          if (path === route.path(ids)) return;
          const response = await sessions[role].fetch(path, {
            method: route.method,
            headers: { "content-type": "application/json" },
            body: "{}",
          });
          await response.arrayBuffer();
          expect(response.status, `${role} ${route.method} ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: NUM_RUNS * 4, verbose: 1 },
    );
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it("GET routes with random ids and query strings never 500", async () => {
    const gets = [
      "amendments",
      "concerns",
      "threads",
      "versions",
      "versions/compare",
      `versions/${versionId}/compilation`,
      "versions/no-such-version/compilation",
      "rounds",
      "suggestions",
      "export",
      "traceability",
      "silence",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.oneof(randomId, fc.constant("REAL")),
        fc.dictionary(
          fc.constantFrom(
            "section",
            "state",
            "status",
            "delegation",
            "stance",
            "from",
            "to",
            "format",
            "version",
            "limit",
            "block",
            "text",
            "origin",
            "__proto__",
          ),
          fc.string({ unit: "binary", maxLength: 50 }),
          { maxKeys: 4 },
        ),
        async (route, id, query) => {
          const search = new URLSearchParams(query).toString();
          const response = await sessions.facilitator.fetch(
            `/api/plans/${id === "REAL" ? ids.plan : id}/${route}?${search}`,
          );
          await response.arrayBuffer();
          expect(response.status, `GET ${route} ${id} ?${search}`).toBeLessThan(500);
        },
      ),
      { numRuns: NUM_RUNS * 3, verbose: 1 },
    );
  });
});
