import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { readJson, withErrors } from "@/lib/http/respond";
import { flushLiveEdits } from "@/lib/negotiation/flush-live-edits";
import { issueRevision } from "@/lib/negotiation/issue-revision";
import { readNegotiation } from "@/lib/negotiation/read-negotiation";
import { ZIssueRevision } from "@/lib/negotiation/schemas";

type Context = { params: Promise<{ id: string }> };

/** Where the negotiation stands: the current round, its deadlines and the revisions issued (every signed-in role). */
export const GET = withErrors(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  const negotiation = await readNegotiation({ viewer, planId: (await context.params).id });
  if (!negotiation) throw new AppError("not_found", "No such plan.");
  return Response.json(negotiation);
});

/** A facilitator issues the next revision ("Rev.N"), which opens the next round (lib/negotiation/issue-revision.ts). */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "negotiation.manage");
  const input = await readJson(request, ZIssueRevision);
  const planId = (await context.params).id;
  // The revision must hold the last keystrokes, which the collab servers store only after a quiet second.
  await flushLiveEdits(planId);
  return Response.json(await issueRevision({ actor, planId, input }), { status: 201 });
});
