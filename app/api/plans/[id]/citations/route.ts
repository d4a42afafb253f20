import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { citeSource, ZCiteSource } from "@/lib/provenance/cite-source";

/** Creates or confirms the link behind a citation the editor is about to insert (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZCiteSource);
  return Response.json(await citeSource({ actor, planId: (await context.params).id, input }));
});
