/**
 * next-auth 4 (stable; 5 is still a beta) with a Credentials provider and
 * JWT sessions that expire after SESSION_MAX_AGE. The session only carries
 * the user id: role, delegation and disabled state are read from the
 * database on every request (getCurrentUser), so a change applies at once.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { verifyPassword } from "./password";
import { findClientIp, normaliseEmail, recordSignInAttempt } from "./sign-in-limit";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const ZCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
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
        const isValid = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
        const ip = findClientIp(new Headers(request.headers as Record<string, string>));
        const succeeded = Boolean(user && isValid && !user.disabledAt);
        await recordSignInAttempt({ email, ip, userId: succeeded ? user!.id : null });
        if (!user || !succeeded) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
