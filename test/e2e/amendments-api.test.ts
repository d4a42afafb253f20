/** The amendment endpoints over HTTP against `next start`: 401 without a session, 403 for the wrong role with nothing written, 400 naming the field. */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPlan, findPassageStart } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { toPlainText } from "@/lib/editor/plan-document";
import { kindedDocument } from "@/test/support/kinded-paragraphs";
import { countRows } from "@/test/support/row-counts";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({
  accounts: ["facilitator", "delegate", "bahrain", "observer"],
});
// The first words of a passage; the block id and words are filled in once the file's plan exists.
const proposal = {
  sectionKey: "cross-cutting",
  blockId: "cross-cutting.guidance",
  quote: { exact: "" },
  kind: "delete",
  rationale: "Shorter is clearer.",
};

let planId: string;

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const target = await findPassageStart({ planId, sectionKey: "cross-cutting" });
  Object.assign(proposal, { blockId: target.blockId, quote: { exact: target.exact } });
  // A section of operative paragraphs, for amendments on whole paragraphs; nobody has opened it yet.
  const content = kindedDocument([
    ["op-a", "operative", "Decides one"],
    ["op-b", "operative", "Decides two"],
  ]);
  await getPrisma().planSection.update({
    where: { planId_key: { planId, key: "resources" } },
    data: { content, text: toPlainText(content), ydoc: null },
  });
});

const url = (path = "") => `/api/plans/${planId}/amendments${path}`;

describe.skipIf(!hasServer)("/api/plans/[id]/amendments", () => {
  it("requires a session on every endpoint (401)", async () => {
    const some = await getPrisma().amendment.findFirst({ select: { id: true } });
    const id = some?.id ?? "any";
    expect((await fetch(`${baseUrl}${url()}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}${url()}`, jsonRequest(proposal))).status).toBe(401);
    expect((await fetch(`${baseUrl}${url(`/${id}/sponsors`)}`, jsonRequest({}))).status).toBe(401);
    expect((await fetch(`${baseUrl}${url(`/${id}/sponsors`)}`, { method: "DELETE" })).status).toBe(401);
    expect((await fetch(`${baseUrl}${url(`/${id}/withdraw`)}`, jsonRequest({}))).status).toBe(401);
    expect((await fetch(`${baseUrl}${url(`/${id}/decision`)}`, jsonRequest({ decision: "accept" }))).status).toBe(401);
  });

  it("refuses to let observers and facilitators propose (403), writing nothing", async () => {
    const before = await getPrisma().amendment.count();
    expect((await sessions.observer.fetch(url(), jsonRequest(proposal))).status).toBe(403);
    expect((await sessions.facilitator.fetch(url(), jsonRequest(proposal))).status).toBe(403);
    expect(await getPrisma().amendment.count()).toBe(before);
  });

  it("answers 400 naming the field", async () => {
    const noRationale = await sessions.bahrain.fetch(url(), jsonRequest({ ...proposal, rationale: "" }));
    expect(noRationale.status).toBe(400);
    expect(await noRationale.json()).toMatchObject({ field: "rationale" });
    const noText = await sessions.bahrain.fetch(url(), jsonRequest({ ...proposal, kind: "replace" }));
    expect(await noText.json()).toMatchObject({ field: "newText" });
  });

  it("lets a delegate propose (201), every role read it, only other delegations co-sponsor, and only facilitators decide", async () => {
    const created = await sessions.bahrain.fetch(url(), jsonRequest(proposal));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const listed = (await (await sessions.observer.fetch(url())).json()) as {
      id: string;
      delegation: { name: string };
      state: string;
    }[];
    expect(listed.find((a) => a.id === id)).toMatchObject({ delegation: { name: "Bahrain" }, state: "pending" });

    expect((await sessions.observer.fetch(url(`/${id}/sponsors`), jsonRequest({}))).status).toBe(403);
    expect((await sessions.facilitator.fetch(url(`/${id}/sponsors`), jsonRequest({}))).status).toBe(403);
    expect((await sessions.bahrain.fetch(url(`/${id}/sponsors`), jsonRequest({}))).status).toBe(409);
    expect((await sessions.delegate.fetch(url(`/${id}/sponsors`), jsonRequest({}))).status).toBe(200);
    expect(await getPrisma().amendmentSponsor.count({ where: { amendmentId: id } })).toBe(1);
    expect((await sessions.delegate.fetch(url(`/${id}/sponsors`), { method: "DELETE" })).status).toBe(200);
    expect(await getPrisma().amendmentSponsor.count({ where: { amendmentId: id } })).toBe(0);

    // Deciding: never a delegate (even of another delegation) or an observer; nothing changes.
    for (const role of ["bahrain", "delegate", "observer"] as const) {
      expect((await sessions[role].fetch(url(`/${id}/decision`), jsonRequest({ decision: "accept" }))).status).toBe(
        403,
      );
    }
    expect((await getPrisma().amendment.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    const noReason = await sessions.facilitator.fetch(url(`/${id}/decision`), jsonRequest({ decision: "reject" }));
    expect(await noReason.json()).toMatchObject({ field: "reason" });

    // Withdrawing: only the author.
    expect((await sessions.delegate.fetch(url(`/${id}/withdraw`), jsonRequest({}))).status).toBe(403);
    expect((await sessions.bahrain.fetch(url(`/${id}/withdraw`), jsonRequest({}))).status).toBe(200);
    expect((await getPrisma().amendment.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    expect((await sessions.facilitator.fetch(url(`/${id}/decision`), jsonRequest({ decision: "accept" }))).status).toBe(
      409,
    );
  });

  it("takes amendments on whole paragraphs: 401, 403 and 400 naming the field write nothing; 201 for each kind", async () => {
    const paragraph = { sectionKey: "resources", blockId: "op-a", rationale: "Order matters." };
    const bodies = [
      { ...paragraph, kind: "insert_paragraph", newText: "Decides one bis" },
      { ...paragraph, kind: "delete_paragraph" },
      { ...paragraph, kind: "move_paragraph", targetBlockId: "op-b" },
    ];
    const before = await countRows(getPrisma());
    for (const body of bodies) {
      expect((await fetch(`${baseUrl}${url()}`, jsonRequest(body))).status).toBe(401);
      expect((await sessions.observer.fetch(url(), jsonRequest(body))).status).toBe(403);
      expect((await sessions.facilitator.fetch(url(), jsonRequest(body))).status).toBe(403);
    }
    const noTarget = await sessions.bahrain.fetch(url(), jsonRequest({ ...paragraph, kind: "move_paragraph" }));
    expect(noTarget.status).toBe(400);
    expect(await noTarget.json()).toMatchObject({ field: "targetBlockId" });
    const badKind = await sessions.bahrain.fetch(url(), jsonRequest({ ...bodies[0], paragraphKind: "title" }));
    expect(await badKind.json()).toMatchObject({ field: "paragraphKind" });
    const notThere = await sessions.bahrain.fetch(url(), jsonRequest({ ...bodies[1], blockId: "op-z" }));
    expect(notThere.status).toBe(409);
    expect(await countRows(getPrisma())).toEqual(before);
    for (const body of bodies) expect((await sessions.bahrain.fetch(url(), jsonRequest(body))).status).toBe(201);
  });

  it("answers 404 for an amendment of another plan or none", async () => {
    expect(
      (await sessions.facilitator.fetch(url("/no-such-amendment/decision"), jsonRequest({ decision: "accept" })))
        .status,
    ).toBe(404);
  });
});
