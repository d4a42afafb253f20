/** The comment-thread endpoints over HTTP against `next start`: 401 without a session, 403 for the wrong role, 400 naming the field, absence for hidden threads. */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
const newThread = {
  sectionKey: "resources",
  blockId: "resources.should-8",
  quote: { exact: "Map the resources required" },
  stance: "support",
  body: "Ecuador supports this.",
};

let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

describe.skipIf(!hasServer)("/api/plans/[id]/threads", () => {
  it("requires a session (401) and refuses observers (403), writing nothing", async () => {
    const before = await getPrisma().commentThread.count();
    expect((await fetch(`${baseUrl}/api/plans/${planId}/threads`, jsonRequest(newThread))).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/plans/${planId}/threads`)).status).toBe(401);
    expect((await sessions.observer.fetch(`/api/plans/${planId}/threads`, jsonRequest(newThread))).status).toBe(403);
    expect(await getPrisma().commentThread.count()).toBe(before);
  });

  it("answers 400 naming the field", async () => {
    const response = await sessions.delegate.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({ ...newThread, stance: "furious" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: "stance" });
  });

  it("opens a thread for the delegate's delegation (201) that every reader lists", async () => {
    const response = await sessions.delegate.fetch(`/api/plans/${planId}/threads`, jsonRequest(newThread));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const listed = (await (await sessions.observer.fetch(`/api/plans/${planId}/threads`)).json()) as {
      id: string;
      delegation: { name: string };
    }[];
    expect(listed.find((t) => t.id === id)?.delegation.name).toBe("Ecuador");
  });

  it("keeps a facilitators-only thread from delegates and observers on every route", async () => {
    const created = await sessions.facilitator.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({ ...newThread, visibility: "facilitators", body: "Internal." }),
    );
    const { id, commentId } = (await created.json()) as { id: string; commentId: string };
    for (const role of ["delegate", "observer"] as const) {
      const listed = (await (await sessions[role].fetch(`/api/plans/${planId}/threads`)).json()) as { id: string }[];
      expect(listed.map((t) => t.id)).not.toContain(id);
    }
    expect(
      (await sessions.delegate.fetch(`/api/plans/${planId}/threads/${id}/comments`, jsonRequest({ body: "peek" })))
        .status,
    ).toBe(404);
    expect(
      (await sessions.delegate.fetch(`/api/plans/${planId}/threads/${id}/status`, jsonRequest({ status: "resolved" })))
        .status,
    ).toBe(404);
    expect(
      (
        await sessions.delegate.fetch(
          `/api/plans/${planId}/threads/${id}/comments/${commentId}`,
          jsonRequest({ body: "x" }, "PATCH"),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await sessions.delegate.fetch(
          `/api/plans/${planId}/threads`,
          jsonRequest({ ...newThread, visibility: "facilitators" }),
        )
      ).status,
    ).toBe(403);
  });
});

describe.skipIf(!hasServer)("replies, edits, deletions and status of a thread", () => {
  it("refuses observers (403), another user's edit (403) and a reply without a session (401)", async () => {
    const created = await sessions.facilitator.fetch(
      `/api/plans/${planId}/threads`,
      jsonRequest({ ...newThread, body: "A facilitator's question." }),
    );
    const { id, commentId } = (await created.json()) as { id: string; commentId: string };
    expect(
      (await fetch(`${baseUrl}/api/plans/${planId}/threads/${id}/comments`, jsonRequest({ body: "hi" }))).status,
    ).toBe(401);
    expect(
      (await sessions.observer.fetch(`/api/plans/${planId}/threads/${id}/comments`, jsonRequest({ body: "hi" })))
        .status,
    ).toBe(403);
    expect(
      (await sessions.observer.fetch(`/api/plans/${planId}/threads/${id}/status`, jsonRequest({ status: "resolved" })))
        .status,
    ).toBe(403);
    expect(
      (
        await sessions.delegate.fetch(
          `/api/plans/${planId}/threads/${id}/comments/${commentId}`,
          jsonRequest({ body: "mine now" }, "PATCH"),
        )
      ).status,
    ).toBe(403);
    expect(
      (await sessions.delegate.fetch(`/api/plans/${planId}/threads/${id}/comments/${commentId}`, { method: "DELETE" }))
        .status,
    ).toBe(403);
    // A delegate may not resolve a thread their delegation did not open.
    expect(
      (await sessions.delegate.fetch(`/api/plans/${planId}/threads/${id}/status`, jsonRequest({ status: "resolved" })))
        .status,
    ).toBe(403);
    expect((await getPrisma().comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe(
      "A facilitator's question.",
    );
    const reply = await sessions.delegate.fetch(
      `/api/plans/${planId}/threads/${id}/comments`,
      jsonRequest({ body: "Ecuador answers." }),
    );
    expect(reply.status).toBe(201);
    expect(
      (
        await sessions.facilitator.fetch(
          `/api/plans/${planId}/threads/${id}/status`,
          jsonRequest({ status: "resolved" }),
        )
      ).status,
    ).toBe(200);
    expect((await getPrisma().commentThread.findUniqueOrThrow({ where: { id } })).status).toBe("resolved");
  });
});
