import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { setParagraphStatus, ZSetParagraphStatus } from "@/lib/plan/set-paragraph-status";

type Context = { params: Promise<{ id: string; sectionId: string; blockId: string }> };

/** A facilitator sets a paragraph's status; 409 when it is to be agreed with a bracket still open. */
export const PUT = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  authorize(actor, "paragraph.status");
  const input = await readJson(request, ZSetParagraphStatus);
  const { id: planId, sectionId, blockId } = await context.params;
  return Response.json(await setParagraphStatus({ actor, planId, sectionId, blockId, input }));
});
