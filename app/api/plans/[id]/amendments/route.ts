import { z } from "zod";
import { listAmendments } from "@/lib/amendments/list-amendments";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { AMENDMENT_STATES, ZProposeAmendment } from "@/lib/amendments/schemas";
import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string }> };

const ZFilter = z.object({
  section: z.string().max(100).optional(),
  delegation: z.string().max(200).optional(),
  state: z.enum(AMENDMENT_STATES).optional(),
});

/** Every amendment of the plan, with its diff and state (every signed-in role reads them). */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const query = ZFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = { sectionKey: query.section, delegationId: query.delegation, state: query.state };
  return Response.json(await listAmendments({ viewer, planId: (await context.params).id, filter }));
});

/** A delegate proposes an amendment for their delegation. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "amendment.propose");
  const input = await readJson(request, ZProposeAmendment);
  return Response.json(await proposeAmendment({ actor, planId: (await context.params).id, input }), { status: 201 });
});
