/** The version endpoints over HTTP against `next start`: 401 without a session, 403 for the wrong role with nothing written, 400 naming the field, 404, 409. */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

const url = (path = "") => `/api/plans/${planId}/versions${path}`;

describe.skipIf(!hasServer)("/api/plans/[id]/versions", () => {
  it("requires a session on every endpoint (401)", async () => {
    expect((await fetch(`${baseUrl}${url()}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}${url()}`, jsonRequest({ label: "API draft" }))).status).toBe(401);
    expect((await fetch(`${baseUrl}${url("/compare?from=live&to=live")}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}${url("/restore")}`, jsonRequest({ versionId: "any" }))).status).toBe(401);
  });

  it("refuses to let observers and delegates create or restore (403), writing nothing", async () => {
    const version = await getPrisma().planVersion.findFirst({ where: { planId }, select: { id: true } });
    const before = await getPrisma().planVersion.count();
    for (const session of [sessions.observer, sessions.delegate]) {
      expect((await session.fetch(url(), jsonRequest({ label: "Observer draft" }))).status).toBe(403);
      expect((await session.fetch(url("/restore"), jsonRequest({ versionId: version?.id ?? "any" }))).status).toBe(403);
    }
    expect(await getPrisma().planVersion.count()).toBe(before);
  });

  it("answers 400 naming the field", async () => {
    const noLabel = await sessions.facilitator.fetch(url(), jsonRequest({ label: "  " }));
    expect(noLabel.status).toBe(400);
    expect(await noLabel.json()).toMatchObject({ field: "label" });
    const noFrom = await sessions.observer.fetch(url("/compare?to=live"));
    expect(noFrom.status).toBe(400);
    expect(await noFrom.json()).toMatchObject({ field: "from" });
    const noVersion = await sessions.facilitator.fetch(url("/restore"), jsonRequest({ sectionKey: "resources" }));
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ field: "versionId" });
  });

  it("answers 404 for a version or plan that does not exist", async () => {
    expect((await sessions.observer.fetch(url("/compare?from=no-such-version&to=live"))).status).toBe(404);
    expect(
      (await sessions.facilitator.fetch(url("/restore"), jsonRequest({ versionId: "no-such-version" }))).status,
    ).toBe(404);
    expect((await sessions.observer.fetch("/api/plans/no-such-plan/versions")).status).toBe(404);
    expect(
      (await sessions.facilitator.fetch("/api/plans/no-such-plan/versions", jsonRequest({ label: "Nowhere" }))).status,
    ).toBe(404);
  });

  it("lets a facilitator create (201, then 409 for the same label), every role list and compare, and a facilitator restore", async () => {
    const created = await sessions.facilitator.fetch(url(), jsonRequest({ label: "API draft" }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await sessions.facilitator.fetch(url(), jsonRequest({ label: "API draft" }))).status).toBe(409);
    const listed = (await (await sessions.observer.fetch(url())).json()) as {
      id: string;
      label: string;
      createdBy: { name: string };
    }[];
    expect(listed.find((v) => v.id === id)).toMatchObject({
      label: "API draft",
      createdBy: { name: expect.any(String) },
    });
    const compared = await sessions.delegate.fetch(url(`/compare?from=${id}&to=live`));
    expect(compared.status).toBe(200);
    expect(await compared.json()).toMatchObject({ from: { id, label: "API draft" }, to: { isLive: true } });
    // The text has not changed since, so nothing is rewritten — but the before-restore version is still written and the restore audited.
    const restored = await sessions.facilitator.fetch(
      url("/restore"),
      jsonRequest({ versionId: id, sectionKey: "cross-cutting" }),
    );
    expect(restored.status).toBe(200);
    const result = (await restored.json()) as { beforeVersion: { id: string }; restored: string[] };
    expect(await getPrisma().planVersion.findUniqueOrThrow({ where: { id: result.beforeVersion.id } })).toMatchObject({
      kind: "before_restore",
    });
    expect(await getPrisma().auditLog.count({ where: { action: "version.restore", resourceId: id } })).toBe(1);
  });
});
