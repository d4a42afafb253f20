/**
 * One-time tokens for links that stand in for a password (invites, password
 * resets). Only the sha256 is stored, so a database leak gives no usable
 * links; 32 random bytes make guessing hopeless, so a fast hash suffices.
 */
import { createHash, randomBytes } from "node:crypto";

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token for a link, and the hash to store. */
export function createOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}
