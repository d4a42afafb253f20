import { requireUser } from "@/lib/auth/current-user";
import { publicLink } from "@/lib/http/public-link";
import { readJson, withErrors } from "@/lib/http/respond";
import { createInvite } from "@/lib/users/create-invite";
import { ZCreateInvite } from "@/lib/users/schemas";

/** Invites a user (admins only). Answers with the one-time link. */
export const POST = withErrors(async (request: Request) => {
  const actor = await requireUser();
  const input = await readJson(request, ZCreateInvite);
  const { invite, token } = await createInvite({ actor, input });
  const link = publicLink(`/invite/${token}`, request);
  return Response.json({ id: invite.id, email: invite.email, expiresAt: invite.expiresAt, link }, { status: 201 });
});
