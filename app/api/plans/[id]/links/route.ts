import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { linkSuggestedSource, ZLinkSuggestedSource } from "@/lib/provenance/link-suggested-source";

/** Confirms or rejects a live suggestion for a passage (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "provenance.confirm");
  const input = await readJson(request, ZLinkSuggestedSource);
  return Response.json(await linkSuggestedSource({ actor, planId: (await context.params).id, input }), { status: 201 });
});
