import { requireUser } from "@/lib/auth/current-user";
import { publicLink } from "@/lib/http/public-link";
import { withErrors } from "@/lib/http/respond";
import { createPasswordReset } from "@/lib/users/password-reset";

/** Creates a one-time password reset link for a user (admins only); earlier unused links stop working. No body. */
export const POST = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const { id } = await context.params;
  const { reset, token } = await createPasswordReset({ actor, userId: id });
  const link = publicLink(`/reset-password/${token}`, request);
  return Response.json({ id: reset.id, email: reset.email, expiresAt: reset.expiresAt, link }, { status: 201 });
});
