import { requireUser } from "@/lib/auth/current-user";
import { noteConcern } from "@/lib/concerns/note-concern";
import { ZNoteConcern } from "@/lib/concerns/schemas";
import { readJson, withErrors } from "@/lib/http/respond";

/** Notes a concern with the reason it is not answered by a passage (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string; concernId: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZNoteConcern);
  const { id, concernId } = await context.params;
  return Response.json(await noteConcern({ actor, planId: id, concernId, input }));
});
