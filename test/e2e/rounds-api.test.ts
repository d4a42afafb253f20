/** The round endpoints over HTTP against `next start`: 401 without a session, 403 for delegates and observers and 400 naming the field, each writing nothing; 404; every role reads. */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { countRows } from "@/test/support/row-counts";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

const rounds = (path = "") => `/api/plans/${planId}/rounds${path}`;
const patch = (body: unknown) => jsonRequest(body, "PATCH");
const counts = async () => ({
  ...(await countRows(getPrisma())),
  negotiationRound: await getPrisma().negotiationRound.count(),
});

describe.skipIf(!hasServer)("/api/plans/[id]/rounds", () => {
  it("requires a session on every endpoint (401)", async () => {
    expect((await fetch(`${baseUrl}${rounds()}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}${rounds()}`, jsonRequest({}))).status).toBe(401);
    expect((await fetch(`${baseUrl}${rounds("/current")}`, patch({ commentDeadline: null }))).status).toBe(401);
  });

  it("refuses delegates and observers (403), writing nothing", async () => {
    const before = await counts();
    for (const session of [sessions.delegate, sessions.observer]) {
      expect((await session.fetch(rounds(), jsonRequest({}))).status).toBe(403);
      expect((await session.fetch(rounds("/current"), patch({ commentDeadline: null }))).status).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 400 naming the field, and 404 for a plan that does not exist, writing nothing", async () => {
    const before = await counts();
    const bad = await sessions.facilitator.fetch(rounds(), jsonRequest({ commentDeadline: "tomorrow" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "commentDeadline" });
    const past = await sessions.facilitator.fetch(
      rounds("/current"),
      patch({ amendmentDeadline: new Date(Date.now() - 60_000).toISOString() }),
    );
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ field: "amendmentDeadline" });
    expect((await sessions.observer.fetch("/api/plans/no-such-plan/rounds")).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("lets every role read where the negotiation stands", async () => {
    const response = await sessions.observer.fetch(rounds());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      round: { number: 1, revisionLabel: "Zero draft" },
      nextRevisionLabel: "Rev.1",
      revisions: [],
      abilities: { canManage: false },
    });
  });
});
