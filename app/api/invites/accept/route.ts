import { readJson, withErrors } from "@/lib/http/respond";
import { acceptInvite } from "@/lib/users/accept-invite";
import { ZAcceptInvite } from "@/lib/users/schemas";

/** Sets the password of an invited user. The one-time token is the credential, so no session is needed. */
export const POST = withErrors(async (request: Request) => {
  const input = await readJson(request, ZAcceptInvite);
  const user = await acceptInvite({ input });
  return Response.json({ email: user.email, name: user.name, role: user.role }, { status: 201 });
});
