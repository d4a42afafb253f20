import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { publicLink } from "@/lib/http/public-link";
import { readJson, withErrors } from "@/lib/http/respond";
import { createInvite } from "@/lib/users/create-invite";
import { ZCreateInvite } from "@/lib/users/schemas";

/** Invites a user (admins only). Answers with the one-time link. */
export const POST = withErrors(async (request: Request) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "user.manage");
  const input = await readJson(request, ZCreateInvite);
  const { invite, token } = await createInvite({ actor, input });
  const link = publicLink(`/invite/${token}`, request);
  return Response.json({ id: invite.id, email: invite.email, expiresAt: invite.expiresAt, link }, { status: 201 });
});
