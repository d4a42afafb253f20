/**
 * Short-lived tokens for the collaboration server. The Next app signs one
 * after checking the session cookie (which the collab server cannot read:
 * it lives on another origin and port); the collab server verifies it and
 * then loads the user afresh, so a disabled user or a changed role counts
 * from the next connection.
 *
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256). The key is
 * derived from AUTH_SECRET with a label, so a collab token can never pass
 * for a session cookie or the other way round.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Long enough for a reconnect storm, short enough that a leaked token soon dies. The provider fetches a new one on every connect. */
export const COLLAB_TOKEN_TTL_SECONDS = 120;

/** Times are in milliseconds, so a token can be compared exactly with a sign-out. */
const ZPayload = z.object({
  sub: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  aud: z.literal("collab"),
});
export type CollabTokenPayload = z.infer<typeof ZPayload>;

function keyFor(secret: string): Buffer {
  return createHmac("sha256", secret).update("gpa-workspace/collab-token/v1").digest();
}

function sign(body: string, secret: string): string {
  return createHmac("sha256", keyFor(secret)).update(body).digest("base64url");
}

export function signCollabToken({
  userId,
  secret,
  now = Date.now(),
  ttlSeconds = COLLAB_TOKEN_TTL_SECONDS,
}: {
  userId: string;
  secret: string;
  now?: number;
  ttlSeconds?: number;
}): { token: string; expiresAt: Date } {
  const payload: CollabTokenPayload = { sub: userId, iat: now, exp: now + ttlSeconds * 1000, aud: "collab" };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { token: `${body}.${sign(body, secret)}`, expiresAt: new Date(payload.exp) };
}

/** Why a token was refused; the collab server logs it and answers permission-denied. */
export class CollabTokenError extends Error {}

export function verifyCollabToken({
  token,
  secret,
  now = Date.now(),
}: {
  token: string;
  secret: string;
  now?: number;
}): CollabTokenPayload {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) throw new CollabTokenError("malformed token");
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new CollabTokenError("bad signature");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw new CollabTokenError("malformed payload");
  }
  const payload = ZPayload.safeParse(parsed);
  if (!payload.success) throw new CollabTokenError("malformed payload");
  if (payload.data.exp <= now) throw new CollabTokenError("expired token");
  return payload.data;
}
