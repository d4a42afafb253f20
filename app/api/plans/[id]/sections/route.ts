import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { addSection } from "@/lib/plan/structure/add-section";
import { ZAddSection } from "@/lib/plan/structure/schemas";

type Context = { params: Promise<{ id: string }> };

/** A facilitator adds a section at a place; 409 when the plan's structure changed since the caller's revision. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  authorize(actor, "plan.edit");
  const input = await readJson(request, ZAddSection);
  return Response.json(await addSection({ actor, planId: (await context.params).id, input }), { status: 201 });
});
