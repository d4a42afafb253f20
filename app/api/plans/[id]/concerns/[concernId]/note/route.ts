import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { noteConcern } from "@/lib/concerns/note-concern";
import { ZNoteConcern } from "@/lib/concerns/schemas";
import { readJson, withErrors } from "@/lib/http/respond";

/** Notes a concern with the reason it is not answered by a passage (facilitators and admins). */
export const POST = withErrors(
  async (request: Request, context: { params: Promise<{ id: string; concernId: string }> }) => {
    const actor = await requireUser();
    // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
    authorize(actor, "concern.manage");
    const input = await readJson(request, ZNoteConcern);
    const { id, concernId } = await context.params;
    return Response.json(await noteConcern({ actor, planId: id, concernId, input }));
  },
);
