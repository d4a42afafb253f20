/**
 * The structure endpoints over HTTP against `next start` (the plan's title,
 * its sections: add, change, remove): 401 without a session, 403 for
 * delegates and observers with nothing written, 400 naming the field, 404
 * for a section that is not the plan's, 409 for a change against an older
 * revision, and one of two racing changes through.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["admin", "facilitator", "delegate", "observer"] });
let planId: string;
let sectionId: string;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  ({ id: sectionId } = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: "resources" } }));
});

const plan = () => `/api/plans/${planId}`;
const sections = () => `${plan()}/sections`;
const section = (id = sectionId) => `${sections()}/${id}`;
const revision = async () =>
  (await getPrisma().plan.findUniqueOrThrow({ where: { id: planId }, select: { structureRevision: true } }))
    .structureRevision;

/** What a refused request must leave as it was. */
async function snapshot() {
  const prisma = getPrisma();
  return {
    plan: await prisma.plan.findUniqueOrThrow({
      where: { id: planId },
      select: { title: true, structureRevision: true },
    }),
    sections: await prisma.planSection.findMany({
      where: { planId },
      orderBy: { id: "asc" },
      select: { key: true, title: true, position: true, level: true, part: true, removedAt: true },
    }),
    audit: await prisma.auditLog.count(),
  };
}

describe.skipIf(!hasServer)("/api/plans/[id] and /api/plans/[id]/sections", () => {
  it("requires a session (401)", async () => {
    const body = { expectedRevision: 0, title: "Anonymous" };
    expect((await fetch(`${baseUrl}${plan()}`, jsonRequest(body, "PATCH"))).status).toBe(401);
    expect((await fetch(`${baseUrl}${sections()}`, jsonRequest({ ...body, position: 0 }))).status).toBe(401);
    expect((await fetch(`${baseUrl}${section()}`, jsonRequest(body, "PATCH"))).status).toBe(401);
    expect((await fetch(`${baseUrl}${section()}`, jsonRequest({ expectedRevision: 0 }, "DELETE"))).status).toBe(401);
  });

  it("refuses delegates and observers (403), writing nothing", async () => {
    const before = await snapshot();
    const expectedRevision = before.plan.structureRevision;
    for (const session of [sessions.delegate, sessions.observer]) {
      expect((await session.fetch(plan(), jsonRequest({ expectedRevision, title: "Mine" }, "PATCH"))).status).toBe(403);
      expect(
        (await session.fetch(sections(), jsonRequest({ expectedRevision, title: "Mine", position: 0 }))).status,
      ).toBe(403);
      expect((await session.fetch(section(), jsonRequest({ expectedRevision, position: 0 }, "PATCH"))).status).toBe(
        403,
      );
      expect((await session.fetch(section(), jsonRequest({ expectedRevision }, "DELETE"))).status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 naming the field, and 404 for a section not in the plan, writing nothing", async () => {
    const before = await snapshot();
    const expectedRevision = before.plan.structureRevision;
    const blank = await sessions.facilitator.fetch(plan(), jsonRequest({ expectedRevision, title: "  " }, "PATCH"));
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ field: "title" });
    const noRevision = await sessions.facilitator.fetch(sections(), jsonRequest({ title: "New", position: 0 }));
    expect(noRevision.status).toBe(400);
    expect(await noRevision.json()).toMatchObject({ field: "expectedRevision" });
    const nothing = await sessions.facilitator.fetch(section(), jsonRequest({ expectedRevision }, "PATCH"));
    expect(nothing.status).toBe(400);
    const badLevel = await sessions.facilitator.fetch(section(), jsonRequest({ expectedRevision, level: 3 }, "PATCH"));
    expect(await badLevel.json()).toMatchObject({ field: "level" });
    expect(
      (await sessions.facilitator.fetch(section("no-such-section"), jsonRequest({ expectedRevision }, "DELETE")))
        .status,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("lets a facilitator or admin change the structure, and refuses a change against an older revision (409)", async () => {
    const start = await revision();
    const added = await sessions.facilitator.fetch(
      sections(),
      jsonRequest({ expectedRevision: start, title: "Prosecution", position: 1 }),
    );
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ revision: start + 1, section: { key: "prosecution" } });
    const renamed = await sessions.admin.fetch(
      section(),
      jsonRequest({ expectedRevision: start + 1, title: "Resources and funding" }, "PATCH"),
    );
    expect(renamed.status).toBe(200);

    const before = await snapshot();
    const stale = await sessions.facilitator.fetch(section(), jsonRequest({ expectedRevision: start }, "DELETE"));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ field: "expectedRevision", revision: start + 2 });
    expect(await snapshot()).toEqual(before);

    const removed = await sessions.facilitator.fetch(section(), jsonRequest({ expectedRevision: start + 2 }, "DELETE"));
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ revision: start + 3, kept: { links: expect.any(Number) } });
  });

  it("lets one of two changes made against the same revision through, and refuses the other (409)", async () => {
    const expectedRevision = await revision();
    const [a, b] = await Promise.all([
      sessions.facilitator.fetch(plan(), jsonRequest({ expectedRevision, title: "Title A" }, "PATCH")),
      sessions.admin.fetch(plan(), jsonRequest({ expectedRevision, title: "Title B" }, "PATCH")),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await revision()).toBe(expectedRevision + 1);
  });
});
