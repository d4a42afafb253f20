import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { decideLink, ZDecideLink } from "@/lib/provenance/decide-link";

/** Confirms or rejects a suggested source (facilitators and admins). */
export const POST = withErrors(
  async (request: Request, context: { params: Promise<{ id: string; linkId: string }> }) => {
    const actor = await requireUser();
    // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
    authorize(actor, "provenance.confirm");
    const input = await readJson(request, ZDecideLink);
    const { id, linkId } = await context.params;
    return Response.json(await decideLink({ actor, planId: id, linkId, input }));
  },
);
