import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { ZDecideAmendment } from "@/lib/amendments/schemas";
import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string; amendmentId: string }> };

/** A facilitator accepts (the text changes live for everyone) or rejects with a reason. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "amendment.decide");
  const input = await readJson(request, ZDecideAmendment);
  const { id: planId, amendmentId } = await context.params;
  return Response.json(await decideAmendment({ actor, target: { planId, amendmentId }, input }));
});
