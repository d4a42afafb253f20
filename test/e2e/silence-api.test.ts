/**
 * The silence endpoints over HTTP against `next start`: 401 without a session and 403 for the wrong role, writing
 * nothing; 400 naming the field; 409 on the zero draft and after the end; a facilitator starts (201), a delegate
 * breaks (200), and every reader reads the state.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPlan, findUser } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { ACCOUNTS } from "@/test/support/accounts";
import { issueTestRevision } from "@/test/support/negotiation";
import { countRows } from "@/test/support/row-counts";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({
  accounts: ["facilitator", "delegate", "observer", "admin"],
});
let planId: string;
let versionId: string;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
});

const url = (path = "") => `/api/plans/${planId}/silence${path}`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe.skipIf(!hasServer)("/api/plans/[id]/silence", () => {
  it("requires a session on every endpoint (401), writing nothing", async () => {
    const before = await countRows(getPrisma());
    expect((await fetch(`${baseUrl}${url()}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}${url()}`, jsonRequest({ versionId: "any", endsAt: inAnHour() }))).status).toBe(401);
    expect((await fetch(`${baseUrl}${url("/break")}`, jsonRequest({ reason: "No." }))).status).toBe(401);
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it("refuses the zero draft (409), the wrong roles (403) and bad input (400 naming the field), writing nothing", async () => {
    const before = await countRows(getPrisma());
    const zeroDraft = await sessions.facilitator.fetch(url(), jsonRequest({ versionId: "any", endsAt: inAnHour() }));
    expect(zeroDraft.status).toBe(409);
    expect((await zeroDraft.json()).message).toMatch(/Issue a revision first/);
    for (const session of [sessions.delegate, sessions.observer])
      expect((await session.fetch(url(), jsonRequest({ versionId: "any", endsAt: inAnHour() }))).status).toBe(403);
    for (const session of [sessions.facilitator, sessions.admin, sessions.observer])
      expect((await session.fetch(url("/break"), jsonRequest({ reason: "No." }))).status).toBe(403);
    const past = await sessions.facilitator.fetch(
      url(),
      jsonRequest({ versionId: "any", endsAt: "2000-01-01T00:00:00Z" }),
    );
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ field: "endsAt" });
    const noReason = await sessions.delegate.fetch(url("/break"), jsonRequest({ reason: "  " }));
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ field: "reason" });
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it("lets a facilitator start (201) and a delegate break (200); every reader sees it; a second break is 409", async () => {
    ({ versionId } = await issueTestRevision({ actor: await findUser(ACCOUNTS.facilitator), planId }));
    const started = await sessions.facilitator.fetch(url(), jsonRequest({ versionId, endsAt: inAnHour() }));
    expect(started.status).toBe(201);
    expect(await (await sessions.observer.fetch(url())).json()).toMatchObject({ state: "under_silence" });
    const broken = await sessions.delegate.fetch(url("/break"), jsonRequest({ reason: "Paragraph 5." }));
    expect(broken.status).toBe(200);
    expect(await (await sessions.observer.fetch(url())).json()).toMatchObject({
      state: "broken",
      brokenBy: "Ecuador",
      breakReason: "Paragraph 5.",
    });
    const before = await countRows(getPrisma());
    expect((await sessions.delegate.fetch(url("/break"), jsonRequest({ reason: "Again." }))).status).toBe(409);
    expect(await countRows(getPrisma())).toEqual(before);
    expect((await sessions.observer.fetch("/api/plans/no-such-plan/silence")).status).toBe(404);
  });
});
