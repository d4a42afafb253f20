/**
 * Who is asking. The session (a signed JWT cookie) only names the user; the
 * user's role, delegation and disabled state come from the database on every
 * call, so disabling a user or changing a role takes effect on their very
 * next request. Middleware is never trusted with this (CVE-2025-29927).
 */
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "./auth-options";
import type { Action } from "./policies";
import { can } from "./policies";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "facilitator" | "delegate" | "observer";
  delegationId: string | null;
  delegation: { id: string; name: string; onBehalfOf: string | null } | null;
};

/**
 * The signed-in, enabled user, or null. Once per request: the layout, the
 * page and its metadata all ask, and each ask would decrypt the cookie and
 * query the database again (React's cache is per request, never shared).
 */
export const getCurrentUser = cache(readCurrentUser);

async function readCurrentUser(): Promise<CurrentUser | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string; signedInAt?: number } | null;
  if (!session?.userId || typeof session.signedInAt !== "number") return null;
  // An absolute limit: refreshing the cookie slides its expiry, not this.
  if (session.signedInAt < Date.now() - SESSION_MAX_AGE_SECONDS * 1000) return null;
  const user = await getPrisma().user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      delegationId: true,
      disabledAt: true,
      sessionsValidAfter: true,
      delegation: { select: { id: true, name: true, onBehalfOf: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  if (user.sessionsValidAfter && session.signedInAt <= user.sessionsValidAfter.getTime()) return null;
  const { disabledAt: _disabled, sessionsValidAfter: _revoked, ...current } = user;
  return current;
}

/** For route handlers and server actions: the user, or a 401. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return user;
}

/** For pages: the user, or a redirect to the sign-in page that comes back here. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: a 403 page unless the user may do `action`. */
export function authorizePage(user: CurrentUser, action: Action): void {
  if (!can(user, action)) redirect(`/forbidden?action=${encodeURIComponent(action)}`);
}
