import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { ZUpdateUser } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

/** Changes a user's role or delegation, or disables or enables them (admins only). */
export const PATCH = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const input = await readJson(request, ZUpdateUser);
  const { id } = await context.params;
  return Response.json(await updateUser({ actor, userId: id, input }));
});
