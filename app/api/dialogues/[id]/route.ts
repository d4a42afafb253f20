import { requireUser } from "@/lib/auth/current-user";
import { deleteDialogue } from "@/lib/dialogue/delete-dialogue";
import { withErrors } from "@/lib/http/respond";

/** Removes a dialogue imported by mistake (admins): 204; 409 while a plan is drafted from it or accounts belong to its delegations. */
export const DELETE = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const { id } = await context.params;
  await deleteDialogue({ actor, dialogueId: id });
  return new Response(null, { status: 204 });
});
