import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { ZSetDeadlines } from "@/lib/negotiation/schemas";
import { setRoundDeadlines } from "@/lib/negotiation/set-round-deadlines";

type Context = { params: Promise<{ id: string }> };

/** A facilitator sets, extends or removes the current round's deadlines (audited with old and new values). */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  authorize(actor, "negotiation.manage");
  const input = await readJson(request, ZSetDeadlines);
  return Response.json(await setRoundDeadlines({ actor, planId: (await context.params).id, input }));
});
