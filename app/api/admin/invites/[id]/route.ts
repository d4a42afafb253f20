import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { revokeInvite } from "@/lib/users/revoke-invite";

/** Revokes an open invite (admins only). */
export const DELETE = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  await revokeInvite({ actor, inviteId: (await context.params).id });
  return new Response(null, { status: 204 });
});
