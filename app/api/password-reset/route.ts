import { readJson, withErrors } from "@/lib/http/respond";
import { resetPassword } from "@/lib/users/password-reset";
import { ZResetPassword } from "@/lib/users/schemas";

/** Sets a new password through a one-time reset link. The token is the credential, so no session is needed. */
export const POST = withErrors(async (request: Request) => {
  const input = await readJson(request, ZResetPassword);
  return Response.json(await resetPassword({ input }));
});
