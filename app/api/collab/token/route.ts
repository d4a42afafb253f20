import { requireUser } from "@/lib/auth/current-user";
import { collabPublicUrl } from "@/lib/collab/collab-url";
import { signCollabToken } from "@/lib/collab/token";
import { readAuthSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/respond";

/**
 * A short-lived token for the collaboration server, for the signed-in user.
 * Every role gets one: the collab server decides read-write or read-only
 * from the user's role when the token is used. POST, so no cache keeps one.
 */
export const POST = withErrors(async () => {
  const user = await requireUser();
  const secret = readAuthSecret();
  if (!secret) throw new AppError("unavailable", "The server has no AUTH_SECRET.");
  const { token, expiresAt } = signCollabToken({ userId: user.id, secret });
  return Response.json({ token, expiresAt, url: collabPublicUrl() }, { headers: { "Cache-Control": "no-store" } });
});
