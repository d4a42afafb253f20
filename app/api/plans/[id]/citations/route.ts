import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { citeSource, ZCiteSource } from "@/lib/provenance/cite-source";

/** Creates or confirms the link behind a citation the editor is about to insert (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "plan.edit");
  authorize(actor, "provenance.confirm");
  const input = await readJson(request, ZCiteSource);
  return Response.json(await citeSource({ actor, planId: (await context.params).id, input }));
});
