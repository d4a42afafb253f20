import { requireUser } from "@/lib/auth/current-user";
import { reopenConcern } from "@/lib/concerns/reopen-concern";
import { withErrors } from "@/lib/http/respond";

/** Puts an addressed or noted concern back to raised (facilitators and admins). */
export const POST = withErrors(
  async (_request: Request, context: { params: Promise<{ id: string; concernId: string }> }) => {
    const actor = await requireUser();
    const { id, concernId } = await context.params;
    return Response.json(await reopenConcern({ actor, planId: id, concernId }));
  },
);
