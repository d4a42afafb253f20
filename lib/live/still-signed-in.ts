/**
 * Whether a live stream opened at `openedAt` may still tell this user
 * anything: not when the account is gone or disabled, nor when they were
 * signed out everywhere after it opened (their session cookie is dead, but an
 * open stream would not otherwise notice).
 */
export function isStillSignedIn(
  user: { disabledAt: Date | null; sessionsValidAfter: Date | null } | null,
  openedAt: Date,
): boolean {
  return Boolean(user && !user.disabledAt && !(user.sessionsValidAfter && user.sessionsValidAfter >= openedAt));
}
