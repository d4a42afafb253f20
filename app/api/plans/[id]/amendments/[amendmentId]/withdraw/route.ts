import { withdrawAmendment } from "@/lib/amendments/sponsor-amendment";
import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string; amendmentId: string }> };

/** The author withdraws their pending amendment. */
export const POST = withErrors(async (_request: Request, context: Context) => {
  const actor = await requireUser();
  const { id: planId, amendmentId } = await context.params;
  return Response.json(await withdrawAmendment({ actor, target: { planId, amendmentId } }));
});
