import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { ZSetSponsors } from "@/lib/plan/sponsor-schemas";
import { setPlanSponsors } from "@/lib/plan/set-plan-sponsors";

type Context = { params: Promise<{ id: string }> };

/** A facilitator sets the draft's sponsoring delegations (the whole list, in order); audited. */
export const PUT = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "plan.sponsor");
  const input = await readJson(request, ZSetSponsors);
  return Response.json(await setPlanSponsors({ actor, planId: (await context.params).id, input }));
});
