/** The concern-register endpoints over HTTP against `next start`: 401 without a session, 403 for delegates and observers with nothing written, 400 naming the field, hidden concerns absent. */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpServedApp } from "@/test/support/served-app";
import type { HttpSession } from "@/test/support/sign-in";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
const newThread = {
  sectionKey: "resources",
  blockId: "resources.should-8",
  quote: { exact: "Map the resources required" },
  stance: "oppose",
  body: "Ecuador fears this diverts resources from UNTOC.",
};
const answer = { sectionKey: "resources", blockId: "resources.should-8" };

type Listed = {
  id: string;
  number: number;
  status: string;
  origin: string;
  delegation: { name: string } | null;
  answer: { blockId: string } | null;
};

let planId: string;

/** Everything a concern request could write. */
async function snapshot() {
  const prisma = getPrisma();
  const [concerns, audits, notifications, links] = await Promise.all([
    prisma.concern.findMany({ where: { planId }, orderBy: { number: "asc" } }),
    prisma.auditLog.count(),
    prisma.notification.count(),
    prisma.provenanceLink.count({ where: { planId } }),
  ]);
  return { concerns, audits, notifications, links };
}

async function openThread(session: HttpSession, body: object = {}): Promise<string> {
  const response = await session.fetch(`/api/plans/${planId}/threads`, jsonRequest({ ...newThread, ...body }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

describe.skipIf(!hasServer)("/api/plans/[id]/concerns", () => {
  it("requires a session (401) on every route, writing nothing", async () => {
    const concern = await getPrisma().concern.findFirstOrThrow({ where: { planId } });
    const before = await snapshot();
    expect((await fetch(`${baseUrl}/api/plans/${planId}/concerns`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/plans/${planId}/concerns`, jsonRequest({ threadId: "x" }))).status).toBe(401);
    expect(
      (await fetch(`${baseUrl}/api/plans/${planId}/concerns/${concern.id}/address`, jsonRequest(answer))).status,
    ).toBe(401);
    expect(
      (await fetch(`${baseUrl}/api/plans/${planId}/concerns/${concern.id}/note`, jsonRequest({ reason: "Because." })))
        .status,
    ).toBe(401);
    expect((await fetch(`${baseUrl}/api/plans/${planId}/concerns/${concern.id}/reopen`, jsonRequest({}))).status).toBe(
      401,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("lets delegates and observers read the register, the dialogue's three concerns first", async () => {
    for (const role of ["delegate", "observer"] as const) {
      const response = await sessions[role].fetch(`/api/plans/${planId}/concerns?origin=dialogue`);
      expect(response.status).toBe(200);
      const listed = (await response.json()) as Listed[];
      expect(listed.map((c) => [c.number, c.origin])).toEqual([
        [1, "dialogue"],
        [2, "dialogue"],
        [3, "dialogue"],
      ]);
    }
  });

  it("refuses delegates and observers every change (403), writing nothing", async () => {
    const threadId = await openThread(sessions.delegate);
    const concern = await getPrisma().concern.findFirstOrThrow({ where: { planId, number: 1 } });
    const before = await snapshot();
    for (const role of ["delegate", "observer"] as const) {
      const session = sessions[role];
      expect((await session.fetch(`/api/plans/${planId}/concerns`, jsonRequest({ threadId }))).status).toBe(403);
      expect(
        (await session.fetch(`/api/plans/${planId}/concerns/${concern.id}/address`, jsonRequest(answer))).status,
      ).toBe(403);
      expect(
        (
          await session.fetch(
            `/api/plans/${planId}/concerns/${concern.id}/note`,
            jsonRequest({ reason: "Not needed." }),
          )
        ).status,
      ).toBe(403);
      expect((await session.fetch(`/api/plans/${planId}/concerns/${concern.id}/reopen`, jsonRequest({}))).status).toBe(
        403,
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 naming the field, writing nothing", async () => {
    const concern = await getPrisma().concern.findFirstOrThrow({ where: { planId, number: 1 } });
    const before = await snapshot();
    const cases: [string, object, string][] = [
      ["", {}, "threadId"],
      [`/${concern.id}/note`, { reason: "  " }, "reason"],
      [`/${concern.id}/address`, { ...answer, blockId: "not a block id!" }, "blockId"],
      // Well-formed, but not a passage of the section's current text.
      [`/${concern.id}/address`, { ...answer, blockId: "resources.no-such-passage" }, "blockId"],
      [`/${concern.id}/address`, { ...answer, sectionKey: "no-such-section" }, "sectionKey"],
    ];
    for (const [path, body, field] of cases) {
      const response = await sessions.facilitator.fetch(`/api/plans/${planId}/concerns${path}`, jsonRequest(body));
      expect(response.status, `${path} ${field}`).toBe(400);
      expect(await response.json()).toMatchObject({ field });
    }
    expect((await sessions.facilitator.fetch(`/api/plans/${planId}/concerns?status=open`)).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("marks a delegate's comment (201), addresses it (200) and notifies the delegation; a second mark is 409", async () => {
    const threadId = await openThread(sessions.delegate, { body: "Reconcile the plan with regional plans of action." });
    const marked = await sessions.facilitator.fetch(`/api/plans/${planId}/concerns`, jsonRequest({ threadId }));
    expect(marked.status).toBe(201);
    const { id, number } = (await marked.json()) as { id: string; number: number };
    expect(number).toBeGreaterThan(3);
    expect((await sessions.facilitator.fetch(`/api/plans/${planId}/concerns`, jsonRequest({ threadId }))).status).toBe(
      409,
    );
    const addressed = await sessions.facilitator.fetch(
      `/api/plans/${planId}/concerns/${id}/address`,
      jsonRequest(answer),
    );
    expect(addressed.status).toBe(200);
    const listed = (await (
      await sessions.delegate.fetch(`/api/plans/${planId}/concerns?status=addressed&origin=comment`)
    ).json()) as Listed[];
    expect(listed.find((c) => c.id === id)).toMatchObject({
      status: "addressed",
      delegation: { name: "Ecuador" },
      answer: { blockId: answer.blockId },
    });
    const delegate = await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.delegate } });
    expect(
      await getPrisma().notification.count({
        where: { userId: delegate.id, kind: "concern_addressed", resourceId: id },
      }),
    ).toBe(1);
  });

  it("keeps a facilitators-only thread's concern from delegates and observers", async () => {
    const threadId = await openThread(sessions.facilitator, {
      visibility: "facilitators",
      body: "Internal: a delegation may object.",
    });
    const { id } = (await (
      await sessions.facilitator.fetch(`/api/plans/${planId}/concerns`, jsonRequest({ threadId }))
    ).json()) as { id: string };
    for (const role of ["delegate", "observer"] as const) {
      const listed = (await (await sessions[role].fetch(`/api/plans/${planId}/concerns`)).json()) as Listed[];
      expect(listed.map((c) => c.id)).not.toContain(id);
    }
    const listed = (await (await sessions.facilitator.fetch(`/api/plans/${planId}/concerns`)).json()) as Listed[];
    expect(listed.map((c) => c.id)).toContain(id);
  });
});
