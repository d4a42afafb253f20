import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { readPlanSilence } from "@/lib/negotiation/read-silence";
import { ZStartSilence } from "@/lib/negotiation/silence-schemas";
import { startSilence } from "@/lib/negotiation/start-silence";

type Context = { params: Promise<{ id: string }> };

/** The plan's silence procedure in its current round (null when none); a deadline just passed is adopted first. */
export const GET = withErrors(async (_request: Request, context: Context) => {
  const viewer = await requireUser();
  return Response.json(await readPlanSilence({ viewer, planId: (await context.params).id }));
});

/** A facilitator puts the current round's revision under silence until endsAt. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "silence.start");
  const input = await readJson(request, ZStartSilence);
  return Response.json(await startSilence({ actor, planId: (await context.params).id, input }), { status: 201 });
});
