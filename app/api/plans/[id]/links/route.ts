import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { linkSuggestedSource, ZLinkSuggestedSource } from "@/lib/provenance/link-suggested-source";

/** Confirms or rejects a live suggestion for a passage (facilitators and admins). */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZLinkSuggestedSource);
  return Response.json(await linkSuggestedSource({ actor, planId: (await context.params).id, input }), { status: 201 });
});
