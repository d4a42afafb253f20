/**
 * next-auth 4 (stable; 5 is still a beta) with a Credentials provider and
 * JWT sessions that expire after SESSION_MAX_AGE. The session only carries
 * the user id: role, delegation and disabled state are read from the
 * database on every request (getCurrentUser), so a change applies at once.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import { sendCollabNotice } from "@/lib/live/channels";
import { getPrisma } from "@/lib/db";
import { readAuthSecret } from "@/lib/env";
import type { AppErrorCode } from "@/lib/errors";
import { findClientAddress } from "@/lib/http/client-address";
import { toSafeAuthRedirect } from "./safe-callback-url";
import { attemptSignIn, normaliseEmail } from "./sign-in-limit";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/**
 * What authorize() throws when the sign-in limits refuse an attempt that
 * raced past the route's own check. next-auth puts it in its error URL
 * (`?error=rate_limited`), and the sign-in form shows it as the limit's
 * message.
 */
const SIGN_IN_THROTTLED = "rate_limited" satisfies AppErrorCode;

const ZCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const authOptions: NextAuthOptions = {
  // A getter: next-auth reads it per request, so importing this module neither needs nor checks the secret.
  get secret() {
    return readAuthSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        const email = normaliseEmail(parsed.data.email);
        const user = await getPrisma().user.findUnique({ where: { email } });
        const client = findClientAddress(new Headers(request.headers as Record<string, string>));
        const outcome = await attemptSignIn({ email, client, password: parsed.data.password, user });
        if (outcome === "throttled") throw new Error(SIGN_IN_THROTTLED);
        return outcome === "signed_in" && user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (after sign-in, sign-out, its /signin bounce, the callback-url cookie) stays on this site.
    redirect: toSafeAuthRedirect,
    jwt({ token, user }) {
      // signedInAt never changes when the cookie is refreshed, so it bounds a session's whole life.
      if (user) Object.assign(token, { sub: user.id, signedInAt: Date.now() });
      return token;
    },
    async session({ session, token }) {
      // /api/auth/session must not describe a disabled or signed-out user either.
      const user = token.sub
        ? await getPrisma().user.findUnique({
            where: { id: token.sub },
            select: { disabledAt: true, sessionsValidAfter: true },
          })
        : null;
      const signedInAt = Number(token.signedInAt);
      const isRevoked =
        !user || user.disabledAt || (user.sessionsValidAfter && signedInAt <= user.sessionsValidAfter.getTime());
      if (isRevoked) return { expires: new Date(0).toISOString() };
      return { ...session, userId: token.sub, signedInAt };
    },
  },
  events: {
    // Signing out ends every session of the user (cookies are stateless, so this is how one is revoked).
    async signOut({ token }) {
      if (!token?.sub) return;
      await getPrisma().$transaction(async (tx) => {
        const user = await tx.user.updateMany({ where: { id: token.sub }, data: { sessionsValidAfter: new Date() } });
        if (user.count === 0) return;
        await appendAudit(tx, {
          userId: token.sub!,
          action: "auth.sign_out",
          resourceType: "user",
          resourceId: token.sub!,
        });
        await sendCollabNotice(tx, { type: "user-access-changed", userId: token.sub! });
      });
    },
  },
};
