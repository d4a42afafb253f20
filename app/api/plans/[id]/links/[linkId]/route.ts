import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { decideLink, ZDecideLink } from "@/lib/provenance/decide-link";

/** Confirms or rejects a suggested source (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string; linkId: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZDecideLink);
  const { id, linkId } = await context.params;
  return Response.json(await decideLink({ actor, planId: id, linkId, input }));
});
