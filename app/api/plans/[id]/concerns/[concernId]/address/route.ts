import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { addressConcern } from "@/lib/concerns/address-concern";
import { ZAddressConcern } from "@/lib/concerns/schemas";
import { readJson, withErrors } from "@/lib/http/respond";

/** Records the passage (section key + block id) that answers a concern; notifies its delegation (facilitators and admins). */
export const POST = withErrors(
  async (request: Request, context: { params: Promise<{ id: string; concernId: string }> }) => {
    const actor = await requireUser();
    // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
    authorize(actor, "concern.manage");
    const input = await readJson(request, ZAddressConcern);
    const { id, concernId } = await context.params;
    return Response.json(await addressConcern({ actor, planId: id, concernId, input }));
  },
);
