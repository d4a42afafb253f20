import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { ZUpdateUser } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

/** Changes a user's role or delegation, or disables or enables them (admins only). */
export const PATCH = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "user.manage");
  const input = await readJson(request, ZUpdateUser);
  const { id } = await context.params;
  return Response.json(await updateUser({ actor, userId: id, input }));
});
