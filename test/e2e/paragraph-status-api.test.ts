/**
 * The paragraph status route over HTTP against `next start`: no session
 * (401), delegates and observers (403), a body without a valid status (400
 * naming it) and a paragraph that is not there (404) are refused, and none
 * writes anything (every table counted, so this file runs alone).
 */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { countRows } from "@/test/support/row-counts";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
let planId: string;
let sectionId: string;
let target: { blockId: string };

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const section = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
  sectionId = section.id;
  target = readPassages(section.content as JSONContent).find((p) => p.type === "paragraph" && p.text)!;
});

const statusPath = (blockId = target.blockId) =>
  `/api/plans/${planId}/sections/${sectionId}/paragraphs/${blockId}/status`;

describe.skipIf(!hasServer)("PUT /api/plans/[id]/sections/[sectionId]/paragraphs/[blockId]/status", () => {
  it("refuses no session (401), delegates and observers (403) and a body without a status (400), writing nothing", async () => {
    const before = await countRows(getPrisma());
    expect((await fetch(`${baseUrl}${statusPath()}`, jsonRequest({ status: "agreed" }, "PUT"))).status).toBe(401);
    for (const session of [sessions.delegate, sessions.observer])
      expect((await session.fetch(statusPath(), jsonRequest({ status: "agreed" }, "PUT"))).status).toBe(403);
    const invalid = await sessions.facilitator.fetch(statusPath(), jsonRequest({ status: "agreed-ish" }, "PUT"));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ field: "status" });
    const missing = await sessions.facilitator.fetch(
      statusPath("no-such-block"),
      jsonRequest({ status: "agreed" }, "PUT"),
    );
    expect(missing.status).toBe(404);
    expect(await countRows(getPrisma())).toEqual(before);
  });

  it("sets the status for a facilitator, audited", async () => {
    const response = await sessions.facilitator.fetch(statusPath(), jsonRequest({ status: "agreed ad ref" }, "PUT"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ blockId: target.blockId, status: "agreed ad ref" });
    expect(await getPrisma().paragraphStatus.findMany({ where: { sectionId } })).toEqual([
      expect.objectContaining({ blockId: target.blockId, status: "agreed_ad_ref" }),
    ]);
    expect(
      await getPrisma().auditLog.count({
        // Every plan is seeded alike, so its blocks' ids are another plan's too: the plan narrows the rows.
        where: {
          action: "paragraph.status_set",
          resourceId: target.blockId,
          detail: { path: ["planId"], equals: planId },
        },
      }),
    ).toBe(1);
  });
});
