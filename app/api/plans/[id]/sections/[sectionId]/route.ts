import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { changeSection } from "@/lib/plan/structure/change-section";
import { removeSection } from "@/lib/plan/structure/remove-section";
import { ZChangeSection, ZRemoveSection } from "@/lib/plan/structure/schemas";

type Context = { params: Promise<{ id: string; sectionId: string }> };

/** A facilitator renames a section, moves it or changes its level; 409 when the structure changed meanwhile. */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  authorize(actor, "plan.edit");
  const input = await readJson(request, ZChangeSection);
  const { id: planId, sectionId } = await context.params;
  return Response.json(await changeSection({ actor, planId, sectionId, input }));
});

/** A facilitator removes a section: kept with its links, threads and amendments until a version restores it. */
export const DELETE = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  authorize(actor, "plan.edit");
  const input = await readJson(request, ZRemoveSection);
  const { id: planId, sectionId } = await context.params;
  return Response.json(await removeSection({ actor, planId, sectionId, input }));
});
